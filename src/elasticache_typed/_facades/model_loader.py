"""The loader of `create()`'s sessions: botocore's, asking about one service, not all.

botocore's `Loader.load_service_model` first lists every service that has the wanted file
(`list_available_services`: a directory listing of some 400 service folders and a look into
each) only to check that the one asked for is among them; in a new process that is most of
what reading the model costs. This loader answers that check by the lookup the listing makes
for that one service (its folder in a search path, with an API version folder holding the
file); when the service is not there, botocore's own listing and error follow.

Its file loader reads `endpoints.json` (1.25 MB, the largest file a client reads) into plain
dicts instead of botocore's `OrderedDict`s, botocore's own file with each service's entry
parsed on first lookup (`endpoints_data`; another file is parsed whole): the same keys,
values and order, in a fraction of the time and without the allocations that would bring
the process's first full garbage collection into making its first client. Only the
session's endpoint resolver reads that data, and no caller holds the session of a `create()`
client; every other file (the service model above all,
which `client.meta.service_model` hands out) is botocore's parse.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from contextvars import ContextVar
from typing import Any

from botocore.loaders import JSONFileLoader, Loader, create_loader

from elasticache_typed._facades.endpoints_data import load_endpoints

_vouched: ContextVar[tuple[Loader, str, str] | None] = ContextVar("_vouched", default=None)
"""(loader, service, type name) while that loader loads a model it found the file of."""


_ENDPOINTS = "endpoints"
"""The name `load_data` reads the endpoints of every partition by (`endpoints.json`)."""
_OPENERS: tuple[tuple[str, Any], ...] = ((".json", open), (".json.gz", gzip.open))
"""botocore's extensions and how it opens them, in the order it tries them."""
_botocore_log = logging.getLogger("botocore.loaders")


class EndpointsFileLoader(JSONFileLoader):
    """botocore's `JSONFileLoader`, reading `endpoints.json` into plain dicts, each
    service's entry parsed on first lookup."""

    def load_file(self, file_path: str) -> Any:
        if os.path.basename(file_path) != _ENDPOINTS:
            return super().load_file(file_path)
        for extension, opener in _OPENERS:
            full_path = file_path + extension
            if not os.path.isfile(full_path):
                continue
            with opener(full_path, "rb") as file:
                payload = file.read().decode("utf-8")
            _botocore_log.debug("Loading JSON file: %s", full_path)  # as botocore logs it
            if os.path.dirname(full_path) == Loader.BUILTIN_DATA_PATH:
                return load_endpoints(payload)  # botocore's own layout, checked by tests
            return json.loads(payload)
        return None


class ModelLoader(Loader):
    """botocore's `Loader`, whose `load_service_model` looks for one service's file only."""

    def load_service_model(
        self, service_name: str, type_name: str, api_version: str | None = None
    ) -> Any:
        if not self._offers(service_name, type_name):
            return super().load_service_model(service_name, type_name, api_version)
        token = _vouched.set((self, service_name, type_name))
        try:
            return super().load_service_model(service_name, type_name, api_version)
        finally:
            _vouched.reset(token)

    def list_available_services(self, type_name: str) -> list[str]:
        vouched = _vouched.get()
        if vouched is not None and vouched[0] is self and vouched[2] == type_name:
            return [vouched[1]]  # what load_service_model's check needs to know, found
        listed: list[str] = super().list_available_services(type_name)
        return listed

    def _offers(self, service_name: str, type_name: str) -> bool:
        """Whether botocore's listing of `type_name` services would hold `service_name`."""
        if not service_name or service_name in (".", "..") or _has_separator(service_name):
            return False  # not a folder name: botocore's listing decides
        for path in self.search_paths:
            folder = os.path.join(path, service_name)
            if not os.path.isdir(path) or not os.path.isdir(folder):
                continue
            for api_version in os.listdir(folder):
                if self.file_loader.exists(os.path.join(folder, api_version, type_name)):
                    return True
        return False


def _has_separator(name: str) -> bool:
    return os.sep in name or (os.altsep is not None and os.altsep in name)


def model_loader(data_path: str | None) -> ModelLoader:
    """A `ModelLoader` with the search paths `create_loader(data_path)` gives botocore's."""
    paths = create_loader(data_path).search_paths
    return ModelLoader(
        extra_search_paths=list(paths),
        file_loader=EndpointsFileLoader(),
        include_default_search_paths=False,
    )
