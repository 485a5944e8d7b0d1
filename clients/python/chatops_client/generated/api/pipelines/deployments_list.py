from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.deployments_list_order import check_deployments_list_order
from ...models.deployments_list_order import DeploymentsListOrder
from ...models.deployments_list_provider import check_deployments_list_provider
from ...models.deployments_list_provider import DeploymentsListProvider
from ...models.deployments_list_sort import check_deployments_list_sort
from ...models.deployments_list_sort import DeploymentsListSort
from ...models.deployments_list_status import check_deployments_list_status
from ...models.deployments_list_status import DeploymentsListStatus
from ...models.error import Error
from ...models.paginated_deployment_list import PaginatedDeploymentList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    end_date: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    order: DeploymentsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    provider: DeploymentsListProvider | Unset = UNSET,
    repository: str | Unset = UNSET,
    server: int | Unset = UNSET,
    service: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: DeploymentsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: DeploymentsListStatus | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    params["environment"] = environment

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["repository"] = repository

    params["server"] = server

    params["service"] = service

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deployments",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedDeploymentList | None:
    if response.status_code == 200:
        response_200 = PaginatedDeploymentList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedDeploymentList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    order: DeploymentsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    provider: DeploymentsListProvider | Unset = UNSET,
    repository: str | Unset = UNSET,
    server: int | Unset = UNSET,
    service: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: DeploymentsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: DeploymentsListStatus | Unset = UNSET,

) -> Response[Error | PaginatedDeploymentList]:
    """  Deployments and the servers they touched (those the caller may see).

    Args:
        end_date (datetime.datetime | Unset):
        environment (str | Unset):
        order (DeploymentsListOrder | Unset):
        page (int | Unset):  Default: 1.
        provider (DeploymentsListProvider | Unset):
        repository (str | Unset):
        server (int | Unset):
        service (str | Unset):
        size (int | Unset):  Default: 20.
        sort (DeploymentsListSort | Unset):
        start_date (datetime.datetime | Unset):
        status (DeploymentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeploymentList]
     """


    kwargs = _get_kwargs(
        end_date=end_date,
environment=environment,
order=order,
page=page,
provider=provider,
repository=repository,
server=server,
service=service,
size=size,
sort=sort,
start_date=start_date,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    order: DeploymentsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    provider: DeploymentsListProvider | Unset = UNSET,
    repository: str | Unset = UNSET,
    server: int | Unset = UNSET,
    service: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: DeploymentsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: DeploymentsListStatus | Unset = UNSET,

) -> Error | PaginatedDeploymentList | None:
    """  Deployments and the servers they touched (those the caller may see).

    Args:
        end_date (datetime.datetime | Unset):
        environment (str | Unset):
        order (DeploymentsListOrder | Unset):
        page (int | Unset):  Default: 1.
        provider (DeploymentsListProvider | Unset):
        repository (str | Unset):
        server (int | Unset):
        service (str | Unset):
        size (int | Unset):  Default: 20.
        sort (DeploymentsListSort | Unset):
        start_date (datetime.datetime | Unset):
        status (DeploymentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeploymentList
     """


    return sync_detailed(
        client=client,
end_date=end_date,
environment=environment,
order=order,
page=page,
provider=provider,
repository=repository,
server=server,
service=service,
size=size,
sort=sort,
start_date=start_date,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    order: DeploymentsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    provider: DeploymentsListProvider | Unset = UNSET,
    repository: str | Unset = UNSET,
    server: int | Unset = UNSET,
    service: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: DeploymentsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: DeploymentsListStatus | Unset = UNSET,

) -> Response[Error | PaginatedDeploymentList]:
    """  Deployments and the servers they touched (those the caller may see).

    Args:
        end_date (datetime.datetime | Unset):
        environment (str | Unset):
        order (DeploymentsListOrder | Unset):
        page (int | Unset):  Default: 1.
        provider (DeploymentsListProvider | Unset):
        repository (str | Unset):
        server (int | Unset):
        service (str | Unset):
        size (int | Unset):  Default: 20.
        sort (DeploymentsListSort | Unset):
        start_date (datetime.datetime | Unset):
        status (DeploymentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeploymentList]
     """


    kwargs = _get_kwargs(
        end_date=end_date,
environment=environment,
order=order,
page=page,
provider=provider,
repository=repository,
server=server,
service=service,
size=size,
sort=sort,
start_date=start_date,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    order: DeploymentsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    provider: DeploymentsListProvider | Unset = UNSET,
    repository: str | Unset = UNSET,
    server: int | Unset = UNSET,
    service: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: DeploymentsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: DeploymentsListStatus | Unset = UNSET,

) -> Error | PaginatedDeploymentList | None:
    """  Deployments and the servers they touched (those the caller may see).

    Args:
        end_date (datetime.datetime | Unset):
        environment (str | Unset):
        order (DeploymentsListOrder | Unset):
        page (int | Unset):  Default: 1.
        provider (DeploymentsListProvider | Unset):
        repository (str | Unset):
        server (int | Unset):
        service (str | Unset):
        size (int | Unset):  Default: 20.
        sort (DeploymentsListSort | Unset):
        start_date (datetime.datetime | Unset):
        status (DeploymentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeploymentList
     """


    return (await asyncio_detailed(
        client=client,
end_date=end_date,
environment=environment,
order=order,
page=page,
provider=provider,
repository=repository,
server=server,
service=service,
size=size,
sort=sort,
start_date=start_date,
status=status,

    )).parsed
