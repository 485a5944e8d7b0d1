from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.kubernetes_clusters_retrieve_response_200 import KubernetesClustersRetrieveResponse200
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    name: str,
    *,
    hours: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["hours"] = hours


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/kubernetes/clusters/{name}".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | KubernetesClustersRetrieveResponse200 | None:
    if response.status_code == 200:
        response_200 = KubernetesClustersRetrieveResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | KubernetesClustersRetrieveResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,

) -> Response[Error | KubernetesClustersRetrieveResponse200]:
    """ A cluster with its history (node count, pod phases, usage over time)

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        hours (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KubernetesClustersRetrieveResponse200]
     """


    kwargs = _get_kwargs(
        name=name,
hours=hours,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,

) -> Error | KubernetesClustersRetrieveResponse200 | None:
    """ A cluster with its history (node count, pod phases, usage over time)

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        hours (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KubernetesClustersRetrieveResponse200
     """


    return sync_detailed(
        name=name,
client=client,
hours=hours,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,

) -> Response[Error | KubernetesClustersRetrieveResponse200]:
    """ A cluster with its history (node count, pod phases, usage over time)

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        hours (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KubernetesClustersRetrieveResponse200]
     """


    kwargs = _get_kwargs(
        name=name,
hours=hours,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,

) -> Error | KubernetesClustersRetrieveResponse200 | None:
    """ A cluster with its history (node count, pod phases, usage over time)

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        hours (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KubernetesClustersRetrieveResponse200
     """


    return (await asyncio_detailed(
        name=name,
client=client,
hours=hours,

    )).parsed
