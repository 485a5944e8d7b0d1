from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_pod_list import PaginatedPodList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    name: str,
    *,
    namespace: str | Unset = UNSET,
    node: str | Unset = UNSET,
    page: int | Unset = 1,
    ready: bool | Unset = UNSET,
    size: int | Unset = 20,
    status: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["namespace"] = namespace

    params["node"] = node

    params["page"] = page

    params["ready"] = ready

    params["size"] = size

    params["status"] = status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/kubernetes/clusters/{name}/pods".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedPodList | None:
    if response.status_code == 200:
        response_200 = PaginatedPodList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedPodList]:
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
    namespace: str | Unset = UNSET,
    node: str | Unset = UNSET,
    page: int | Unset = 1,
    ready: bool | Unset = UNSET,
    size: int | Unset = 20,
    status: str | Unset = UNSET,

) -> Response[Error | PaginatedPodList]:
    """ The cluster's pods (latest snapshot), filtered by the hub

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        namespace (str | Unset):
        node (str | Unset):
        page (int | Unset):  Default: 1.
        ready (bool | Unset):
        size (int | Unset):  Default: 20.
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPodList]
     """


    kwargs = _get_kwargs(
        name=name,
namespace=namespace,
node=node,
page=page,
ready=ready,
size=size,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    namespace: str | Unset = UNSET,
    node: str | Unset = UNSET,
    page: int | Unset = 1,
    ready: bool | Unset = UNSET,
    size: int | Unset = 20,
    status: str | Unset = UNSET,

) -> Error | PaginatedPodList | None:
    """ The cluster's pods (latest snapshot), filtered by the hub

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        namespace (str | Unset):
        node (str | Unset):
        page (int | Unset):  Default: 1.
        ready (bool | Unset):
        size (int | Unset):  Default: 20.
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPodList
     """


    return sync_detailed(
        name=name,
client=client,
namespace=namespace,
node=node,
page=page,
ready=ready,
size=size,
status=status,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    namespace: str | Unset = UNSET,
    node: str | Unset = UNSET,
    page: int | Unset = 1,
    ready: bool | Unset = UNSET,
    size: int | Unset = 20,
    status: str | Unset = UNSET,

) -> Response[Error | PaginatedPodList]:
    """ The cluster's pods (latest snapshot), filtered by the hub

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        namespace (str | Unset):
        node (str | Unset):
        page (int | Unset):  Default: 1.
        ready (bool | Unset):
        size (int | Unset):  Default: 20.
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPodList]
     """


    kwargs = _get_kwargs(
        name=name,
namespace=namespace,
node=node,
page=page,
ready=ready,
size=size,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    namespace: str | Unset = UNSET,
    node: str | Unset = UNSET,
    page: int | Unset = 1,
    ready: bool | Unset = UNSET,
    size: int | Unset = 20,
    status: str | Unset = UNSET,

) -> Error | PaginatedPodList | None:
    """ The cluster's pods (latest snapshot), filtered by the hub

     Clusters, their nodes and pods (the latest snapshot), and their history.

    Args:
        name (str):
        namespace (str | Unset):
        node (str | Unset):
        page (int | Unset):  Default: 1.
        ready (bool | Unset):
        size (int | Unset):  Default: 20.
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPodList
     """


    return (await asyncio_detailed(
        name=name,
client=client,
namespace=namespace,
node=node,
page=page,
ready=ready,
size=size,
status=status,

    )).parsed
