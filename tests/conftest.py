import ipaddress
import os
import pathlib
import socket

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

try:
    from hypothesis import HealthCheck
    from hypothesis import settings as hypothesis_settings
except ImportError:  # the property tests skip themselves without hypothesis
    pass
else:
    # "ci" (the default) keeps all property tests together under a minute on two cores; "long"
    # is for a run by hand: CLEANSCRAPE_HYPOTHESIS_PROFILE=long or --hypothesis-profile=long.
    _common = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    # "ci" draws the same examples every run, so a red CI always means a change broke something;
    # new examples are explored by the "long" and "dev" profiles, run by hand.
    hypothesis_settings.register_profile("ci", max_examples=1_000, derandomize=True, **_common)
    hypothesis_settings.register_profile("long", max_examples=20_000, **_common)
    hypothesis_settings.register_profile("dev", max_examples=30, **_common)
    hypothesis_settings.load_profile(os.environ.get("CLEANSCRAPE_HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden/*.json from the current output (read every diff before committing)",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


class NetworkBlocked(RuntimeError):
    """A test tried to reach a non-loopback address: cleanscrape must never use the network."""


def _is_local(family: int, address: object) -> bool:
    if family == getattr(socket, "AF_UNIX", None):
        return True  # multiprocessing's forkserver and pipes
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost would need DNS


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto


def _guarded_connect(self, address):
    if not _is_local(self.family, address):
        raise NetworkBlocked(f"test tried to connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_local(self.family, address):
        raise NetworkBlocked(f"test tried to connect to {address!r}")
    return _real_connect_ex(self, address)


def _guarded_sendto(self, data, *args):
    address = args[-1]
    if not _is_local(self.family, address):
        raise NetworkBlocked(f"test tried to send to {address!r}")
    return _real_sendto(self, data, *args)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every test runs with sockets limited to loopback and Unix sockets (the batch pool and a
    Spark test may use those); any other connection raises NetworkBlocked."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", _guarded_sendto)
    yield
