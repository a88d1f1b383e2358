"""Pydantic models of the ``/v1`` contract: request validation and the OpenAPI document."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from leaktrace.lookup.service import MAX_BATCH

__all__ = [
    "BreachModel",
    "ErrorResponse",
    "EvaluateRequest",
    "EvaluateResponse",
    "ParentModel",
    "RangeEntryModel",
    "RangeResponse",
]

HEX_ELEMENT = r"^[0-9a-fA-F]{64}$"
Element = Annotated[str, StringConstraints(pattern=HEX_ELEMENT)]


class EvaluateRequest(BaseModel):
    """Blinded elements: ristretto255 encodings, 32 bytes as 64 hex digits each."""

    model_config = ConfigDict(extra="forbid")

    blinded: list[Element] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description=f"1 to {MAX_BATCH} blinded elements; each costs one rate-limit token.",
    )


class EvaluateResponse(BaseModel):
    evaluated: list[str] = Field(description="BlindEvaluate of each element, in order (hex).")
    key_id: str = Field(description="Public id of the server key; changes when re-keyed.")


class RangeEntryModel(BaseModel):
    suffix: str = Field(description="The 27 hex digits of an index key after the prefix.")
    breaches: list[str] = Field(description="Non-sensitive breach names; empty for decoys.")


class RangeResponse(BaseModel):
    prefix: str = Field(description="The 5 lower-case hex digits asked for.")
    entries: list[RangeEntryModel] = Field(description="Sorted by suffix; at least 64.")


class ParentModel(BaseModel):
    Name: str
    Share: float


class BreachModel(BaseModel):
    """The HIBP v3 breach model's field names, plus ``Parents`` for re-packaged lists."""

    Name: str
    Title: str
    Domain: str
    BreachDate: str
    AddedDate: str
    PwnCount: int
    Description: str
    DataClasses: list[str]
    IsVerified: bool
    IsFabricated: bool
    IsSensitive: bool
    IsSpamList: bool
    Parents: list[ParentModel]


class ErrorResponse(BaseModel):
    """Every error, whatever the status: one sentence, never quoting what was sent."""

    error: str
