"""A private certificate authority, server certificates, and the gateway over HTTPS.

A hall's gateway (前置机) usually carries a certificate from the province's or the
hall's own CA, which no system trust store knows; terminals are given that CA's
certificate as ``[gateway] ca_bundle``. These helpers make such a CA with
``cryptography``, issue a server certificate from it (for ``127.0.0.1`` and
``localhost`` unless told otherwise), write everything to PEM files, and run the real
gateway with uvicorn serving TLS on a free loopback port::

    ca = PrivateCA.create(tmp_path / "ca")
    server = ca.issue(tmp_path / "server")
    with running_tls_gateway(tmp_path / "gateway.db", server=server) as gw:
        enrol(gw.url, code, data_dir=..., ca_bundle=ca.cert_file)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import ipaddress
import secrets
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from core.clock import HALL_TZ
from gateway.app import build_services, create_app, wrap
from gateway.db import SqliteDatabase
from gateway.store import GatewayStore
from gateway.upstream import ReviewSimulator
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, free_port, wait_until

LOOPBACK_NAMES = ("127.0.0.1", "localhost")
"""What a loopback gateway's certificate is issued for by default."""

_VALID = _dt.timedelta(days=30)
_BACKDATE = _dt.timedelta(minutes=5)  # a client clock a little behind still accepts it


@dataclass(frozen=True, slots=True)
class ServerCertificate:
    """A server certificate and its key, as the PEM files uvicorn reads.

    Attributes:
        cert_file: the certificate (PEM).
        key_file: its private key (PEM, unencrypted).
        names: the DNS names and IP addresses it was issued for.
    """

    cert_file: Path
    key_file: Path
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrivateCA:
    """A self-signed root CA of our own (no system trust store knows it).

    Attributes:
        cert_file: the CA certificate (PEM): what a terminal's ``ca_bundle`` points at.
        certificate: the CA certificate.
        key: the CA's private key.
    """

    cert_file: Path
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @classmethod
    def create(cls, directory: Path, *, name: str = "govterm 测试 CA") -> PrivateCA:
        """Make a new root CA and write its certificate to ``directory/ca.pem``."""
        directory.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = _dt.datetime.now(_dt.UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _BACKDATE)
            .not_valid_after(now + _VALID)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    key_cert_sign=True,
                    crl_sign=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        cert_file = directory / "ca.pem"
        cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return cls(cert_file=cert_file, certificate=certificate, key=key)

    def issue(
        self,
        directory: Path,
        *,
        names: Sequence[str] = LOOPBACK_NAMES,
        valid_from: _dt.datetime | None = None,
        valid_until: _dt.datetime | None = None,
    ) -> ServerCertificate:
        """Issue a TLS server certificate for ``names`` (host names or IP addresses).

        Writes ``directory/server.pem`` and ``directory/server-key.pem``.

        Args:
            directory: where to write the files.
            names: DNS names and IP addresses the certificate is for.
            valid_from, valid_until: its validity (aware); by default from a few
                minutes ago for 30 days.
        """
        if not names:
            raise ValueError("a server certificate needs at least one name")
        directory.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        now = _dt.datetime.now(_dt.UTC)
        not_before = valid_from or now - _BACKDATE
        not_after = valid_until or now + _VALID
        certificate = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(x509.SubjectAlternativeName([_general_name(n) for n in names]), False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
            .sign(self.key, hashes.SHA256())
        )
        cert_file = directory / "server.pem"
        key_file = directory / "server-key.pem"
        cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        key_file.chmod(0o600)
        return ServerCertificate(cert_file=cert_file, key_file=key_file, names=tuple(names))


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


@contextlib.contextmanager
def running_tls_gateway(
    db: Path, *, server: ServerCertificate, clock: FakeClock | None = None
) -> Iterator[RunningGateway]:
    """The real gateway serving HTTPS with ``server``'s certificate on a free loopback port.

    The gateway's clock defaults to a :class:`FakeClock` set to the real time now, so a
    terminal signing with its own wall clock (``time.time``) is believed.

    Args:
        db: the gateway's SQLite file.
        server: the certificate and key uvicorn serves.
        clock: the gateway's clock.
    """
    fake = clock or FakeClock(_dt.datetime.now(HALL_TZ))
    store = GatewayStore(db=SqliteDatabase(db), clock=fake)
    token = secrets.token_urlsafe(16)
    services = build_services(store=store, upstream=ReviewSimulator(clock=fake), admin_token=token)
    shedder = wrap(create_app(services), max_concurrency=16)
    port = free_port()
    config = uvicorn.Config(
        shedder,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="on",
        timeout_graceful_shutdown=2,
        ssl_certfile=str(server.cert_file),
        ssl_keyfile=str(server.key_file),
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, name="tls-gateway", daemon=True)
    thread.start()
    wait_until(lambda: uv.started or not thread.is_alive())
    assert uv.started, "the TLS gateway did not start"
    running = RunningGateway(
        url=f"https://127.0.0.1:{port}",
        services=services,
        clock=fake,
        shedder=shedder,
        server=uv,
        admin_token=token,
    )
    try:
        yield running
    finally:
        uv.should_exit = True
        thread.join(timeout=15)
        assert not thread.is_alive(), "the TLS gateway did not stop"
        store.db.close()
