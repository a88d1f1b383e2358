"""export-ranges to S3-compatible object storage: moto's server on loopback stands in for S3."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.identifiers import encode
from leaktrace.lookup import LookupService
from leaktrace.lookup.ranges_export import document_bytes
from leaktrace.lookup.ranges_upload import is_remote, upload_export
from leaktrace.store import SQLiteStore
from tests._servers import free_port
from tests.conftest import make_breach

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket="ranges")
    yield endpoint
    server.stop()


def _objects(endpoint: str, prefix: str) -> dict[str, bytes]:
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    listing = client.list_objects_v2(Bucket="ranges", Prefix=prefix).get("Contents", [])
    return {
        o["Key"][len(prefix) :]: client.get_object(Bucket="ranges", Key=o["Key"])["Body"].read()
        for o in listing
    }


def test_is_remote() -> None:
    assert is_remote("s3://bucket/x")
    assert not is_remote("/tmp/export")
    assert not is_remote("file:///tmp/export")


def test_upload_is_byte_identical_to_the_api(
    s3_endpoint: str, store: SQLiteStore, server_key: ServerKey
) -> None:
    real = index_key(oprf.evaluate(server_key.secret, encode("phone", "+33612345678")))
    with store.ingest(make_breach()) as writer:
        writer.add([(real, 3)])
        writer.finish(1, 3)
    prefix = real.hex()[:5]
    options = {"key": "test", "secret": "test", "client_kwargs": {"endpoint_url": s3_endpoint}}
    report = upload_export(
        store, server_key, "s3://ranges/v1", prefixes=[prefix, "00000"], storage_options=options
    )
    assert report.ranges == 2
    objects = _objects(s3_endpoint, "v1/")
    service = LookupService(store, server_key)
    for p in (prefix, "00000"):
        assert objects[f"range/{p}"] == document_bytes(service.range(p))
    assert objects["breaches/Labo2021.json"] == document_bytes(service.breach("Labo2021"))
    assert "index.json" in objects


def test_cli_export_to_s3(s3_endpoint: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}
    env.update(CREDENTIALS)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "leaktrace",
            "--home",
            str(tmp_path),
            "export-ranges",
            "s3://ranges/cli",
            "--prefix",
            "abcde",
            "--endpoint-url",
            s3_endpoint,
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert set(_objects(s3_endpoint, "cli/")) == {"range/abcde", "breaches.json", "index.json"}
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "leaktrace",
            "--home",
            str(tmp_path),
            "export-ranges",
            "s3://no-such-bucket/x",
            "--prefix",
            "abcde",
            "--endpoint-url",
            s3_endpoint,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
