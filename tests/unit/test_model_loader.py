"""`create()`'s loader answers as botocore's does, without listing every service first."""

from __future__ import annotations

import gzip
import json
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import botocore.session
import pytest
from botocore.exceptions import UnknownServiceError
from botocore.loaders import Loader, create_loader

from elasticache_typed._facades.endpoints_data import LazyServices, load_endpoints
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


def _plain(value: object) -> object:
    """`value` with every mapping (a lazily parsed one too) made a plain dict, deeply."""
    if isinstance(value, Mapping):
        items = cast("Mapping[str, object]", value)
        return {key: _plain(item) for key, item in items.items()}
    if isinstance(value, list):
        return [_plain(item) for item in cast("list[object]", value)]
    return value


def _dict_types(value: object) -> set[type]:
    if isinstance(value, Mapping):
        items = cast("Mapping[str, object]", value)
        return {type(items)}.union(*(_dict_types(v) for v in items.values()))
    if isinstance(value, list):
        return set[type]().union(*(_dict_types(v) for v in cast("list[object]", value)))
    return set()


def test_endpoints_are_botocores_data_in_plain_dicts() -> None:
    # The same keys, values and order as botocore's parse; plain dicts instead of OrderedDicts,
    # each partition's services a mapping that parses an entry when it is first asked for.
    ours, plain = (
        model_loader(None).load_data("endpoints"),
        create_loader(None).load_data("endpoints"),
    )
    partitions = cast("list[dict[str, object]]", ours["partitions"])
    assert {type(p["services"]) for p in partitions} == {LazyServices}
    assert json.dumps(_plain(ours)) == json.dumps(plain)
    assert ours == plain
    assert _dict_types(ours) == {dict, LazyServices}
    assert OrderedDict in _dict_types(plain)


def test_each_entry_found_by_its_name_is_botocores() -> None:
    # Looked up one by one (each found by its line, nothing listed), as the resolver does.
    ours = model_loader(None).load_data("endpoints")
    plain = create_loader(None).load_data("endpoints")
    for partition, expected in zip(ours["partitions"], plain["partitions"], strict=True):
        services = cast("Mapping[str, Any]", partition["services"])
        for name, entry in expected["services"].items():
            assert json.dumps(services[name]) == json.dumps(entry)
            assert name in services
        assert list(services) == list(expected["services"])


def test_a_service_entry_is_parsed_once_and_a_missing_one_is_missing() -> None:
    services = cast("list[dict[str, Any]]", model_loader(None).load_data("endpoints")["partitions"])
    aws = cast("Mapping[str, Any]", services[0]["services"])
    assert aws["elasticache"] is aws["elasticache"]
    assert "no-such-service" not in aws
    assert aws.get("no-such-service", "default") == "default"
    with pytest.raises(KeyError):
        aws["no-such-service"]


_LAYOUT = """{
  "partitions" : [ {
    "partition" : "aws",
    "services" : {
      "a" : {
        "endpoints" : {
          "us-east-1" : { }
        }
      },
      "b" : {
        "endpoints" : { }
      }
    }
  }, {
    "partition" : "aws-cn",
    "services" : {
    }
  } ],
  "version" : 3
}"""


@pytest.mark.parametrize(
    "text",
    [
        _LAYOUT,
        _LAYOUT.replace('      "b" : {', '      "b"  :  {'),  # another spacing
        _LAYOUT.replace('          "us-east-1" : { }', '      "us-east-1" : { }'),  # an indent
        _LAYOUT.replace('"a" : {', '"a" : 1, "c" : {'),  # two names on a line
        _LAYOUT.replace('\n    "services"', ' "services"'),  # no line of its own
        json.dumps(json.loads(_LAYOUT)),  # compact
        _LAYOUT.replace('"partitions" : [ {', '"partitions" : [ {\n    "services" : {\n    },'),
        _LAYOUT.replace('"services" : {\n    }', '"services" : { }'),  # empty, on one line
        _LAYOUT.replace('"services" : {\n    }', '"services" : { },\n    "x" : 1'),
    ],
)
def test_endpoints_of_any_layout_parse_as_json_does(text: str) -> None:
    loaded = load_endpoints(text)
    assert json.dumps(_plain(loaded)) == json.dumps(json.loads(text))


def test_the_layout_is_cut_only_where_botocores_is() -> None:
    partitions = cast("list[dict[str, object]]", load_endpoints(_LAYOUT)["partitions"])
    assert [type(p["services"]) for p in partitions] == [LazyServices, LazyServices]
    assert list(cast("Mapping[str, object]", partitions[0]["services"])) == ["a", "b"]


def test_services_empty_on_one_line_are_cut_too() -> None:
    # botocore 1.40's file closes an empty partition's services on their opening line.
    text = _LAYOUT.replace('"services" : {\n    }', '"services" : { }')
    partitions = cast("list[dict[str, object]]", load_endpoints(text)["partitions"])
    assert [type(p["services"]) for p in partitions] == [LazyServices, LazyServices]
    assert dict(cast("Mapping[str, object]", partitions[1]["services"])) == {}
    assert "a" not in cast("Mapping[str, object]", partitions[1]["services"])


def test_endpoints_of_a_data_path_and_gzipped_are_read_as_botocore_reads_them(
    tmp_path: Path,
) -> None:
    data: dict[str, object] = {
        "partitions": [{"partition": "aws", "services": {"elasticache": {}}}],
        "version": 3,
    }
    with gzip.open(tmp_path / "endpoints.json.gz", "wb") as file:
        file.write(json.dumps(data).encode())
    assert model_loader(str(tmp_path)).load_data("endpoints") == data
    assert _dict_types(model_loader(str(tmp_path)).load_data("endpoints")) == {dict}
    (tmp_path / "endpoints.json").write_text(json.dumps({**data, "version": 4}))
    assert model_loader(str(tmp_path)).load_data("endpoints") == (
        create_loader(str(tmp_path)).load_data("endpoints")
    )


def test_a_create_client_resolves_its_endpoint_as_botocore_does() -> None:
    from elasticache_typed import ElastiCache

    for region in ("us-east-1", "cn-north-1", "us-gov-west-1", "eu-west-1"):
        typed = ElastiCache.create(
            region_name=region, aws_access_key_id="a", aws_secret_access_key="b"
        )
        plain = botocore.session.Session().create_client(
            "elasticache", region_name=region, aws_access_key_id="a", aws_secret_access_key="b"
        )
        assert typed.client.meta.endpoint_url == plain.meta.endpoint_url
        assert typed.client.meta.partition == plain.meta.partition
        assert typed.client.meta.region_name == plain.meta.region_name
        assert typed.client.meta.service_model.signing_name == plain.meta.service_model.signing_name
