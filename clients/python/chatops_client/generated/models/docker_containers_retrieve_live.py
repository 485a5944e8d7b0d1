from typing import Literal

DockerContainersRetrieveLive = Literal['false', 'true']

DOCKER_CONTAINERS_RETRIEVE_LIVE_VALUES: set[DockerContainersRetrieveLive] = { 'false', 'true',  }

def check_docker_containers_retrieve_live(value: str) -> DockerContainersRetrieveLive:
    if value in DOCKER_CONTAINERS_RETRIEVE_LIVE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCKER_CONTAINERS_RETRIEVE_LIVE_VALUES!r}")
