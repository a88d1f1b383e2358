"""The signals, one module per rule; :data:`RULES` runs them in order.

Order matters only for the allow signals, which read which rules already fired
(``Context.fired``), so they come last. ``rule_id`` strings are API: never rename one; retire
a rule by deleting it and let its id go unused.
"""

from __future__ import annotations

from leaktrace.phishing.rules import (
    allow_known_sender,
    allow_no_request,
    allow_official_links,
    allow_prevention,
    brand_link_mismatch,
    contact_unknown,
    domain_brand_token,
    domain_confusable,
    domain_typosquat,
    email_attachment,
    email_auth_failure,
    email_credential_form,
    email_header_mismatch,
    email_link_text,
    email_sender_brand,
    lure_account_suspended,
    lure_carte_vitale,
    lure_click,
    lure_deadline,
    lure_delivery,
    lure_free_offer,
    lure_generic_greeting,
    lure_job_offer,
    lure_mailbox,
    lure_money_offer,
    lure_prize,
    lure_reimbursement,
    lure_security_alert,
    lure_small_payment,
    lure_verify_account,
    personal_details,
    phone_callback,
    phone_premium_number,
    request_bank,
    request_credentials,
    request_nir,
    request_personal_info,
    sms_premium_service,
    sms_unknown_link,
    spam_adult,
    spam_marketing,
    url_credential_path,
    url_ip_host,
    url_punycode,
    url_shortener,
    url_unusual_tld,
    url_userinfo,
)
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULES", "RULES_BY_ID", "Context", "Rule"]

RULES: tuple[Rule, ...] = tuple(
    module.RULE
    for module in (
        url_shortener,
        url_ip_host,
        url_punycode,
        url_unusual_tld,
        url_credential_path,
        url_userinfo,
        domain_brand_token,
        domain_typosquat,
        domain_confusable,
        brand_link_mismatch,
        email_header_mismatch,
        email_auth_failure,
        email_sender_brand,
        email_link_text,
        email_attachment,
        email_credential_form,
        lure_carte_vitale,
        lure_reimbursement,
        lure_account_suspended,
        lure_deadline,
        lure_small_payment,
        lure_prize,
        lure_delivery,
        lure_verify_account,
        lure_security_alert,
        lure_mailbox,
        lure_click,
        lure_free_offer,
        lure_money_offer,
        lure_job_offer,
        lure_generic_greeting,
        sms_premium_service,
        sms_unknown_link,
        spam_marketing,
        spam_adult,
        request_bank,
        request_nir,
        request_credentials,
        request_personal_info,
        phone_callback,
        phone_premium_number,
        contact_unknown,
        personal_details,
        # Allow signals last: they read ctx.fired.
        allow_official_links,
        allow_known_sender,
        allow_prevention,
        allow_no_request,
    )
)
RULES_BY_ID: dict[str, Rule] = {rule.rule_id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule_id"
