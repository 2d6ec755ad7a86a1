"""`create()`'s loader answers as botocore's does, without listing every service first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from botocore.exceptions import UnknownServiceError
from botocore.loaders import Loader, create_loader

from elasticache_typed._facades.model_loader import ModelLoader, model_loader
from tests.support.spies import recorded_calls


def _error(loader: Loader, service: str, type_name: str) -> str:
    with pytest.raises(UnknownServiceError) as raised:
        loader.load_service_model(service, type_name)
    return str(raised.value)


def test_the_model_is_botocores_and_no_service_listing_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = create_loader(None)
    expected = plain.load_service_model("elasticache", "service-2")
    rules = plain.load_service_model("elasticache", "endpoint-rule-set-1")
    listed = recorded_calls(monkeypatch, Loader, "list_available_services")
    ours = model_loader(None)
    assert ours.load_service_model("elasticache", "service-2") == expected
    assert ours.load_service_model("elasticache", "endpoint-rule-set-1") == rules
    assert listed == []


@pytest.mark.parametrize(
    ("service", "type_name"),
    [
        ("no-such-service", "service-2"),
        ("elasticache", "resources-1"),  # the folder is there, without that file
        ("../botocore/data/elasticache", "service-2"),
        ("", "service-2"),
    ],
)
def test_what_is_not_there_fails_as_with_botocore(service: str, type_name: str) -> None:
    assert _error(model_loader(None), service, type_name) == _error(
        create_loader(None), service, type_name
    )


def test_the_listing_and_search_paths_are_botocores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A model of one's own in a data path: the same newest version is found as by botocore.
    newer = tmp_path / "elasticache" / "2099-01-01"
    newer.mkdir(parents=True)
    model = {"version": "2.0", "metadata": {"apiVersion": "2099-01-01"}, "operations": {}}
    (newer / "service-2.json").write_text(json.dumps(model))
    (tmp_path / "not-a-service").mkdir()
    for data_path in (None, str(tmp_path)):
        ours, plain = model_loader(data_path), create_loader(data_path)
        assert isinstance(ours, ModelLoader)
        assert ours.search_paths == plain.search_paths
        assert ours.list_available_services("service-2") == plain.list_available_services(
            "service-2"
        )
        assert ours.load_service_model("elasticache", "service-2") == (
            plain.load_service_model("elasticache", "service-2")
        )
    assert model_loader(str(tmp_path)).load_service_model("elasticache", "service-2") == model
