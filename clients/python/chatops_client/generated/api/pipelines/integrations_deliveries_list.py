from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.integrations_deliveries_list_order import check_integrations_deliveries_list_order
from ...models.integrations_deliveries_list_order import IntegrationsDeliveriesListOrder
from ...models.integrations_deliveries_list_sort import check_integrations_deliveries_list_sort
from ...models.integrations_deliveries_list_sort import IntegrationsDeliveriesListSort
from ...models.integrations_deliveries_list_verdict import check_integrations_deliveries_list_verdict
from ...models.integrations_deliveries_list_verdict import IntegrationsDeliveriesListVerdict
from ...models.paginated_delivery_list import PaginatedDeliveryList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    integration_id: int,
    *,
    event: str | Unset = UNSET,
    order: IntegrationsDeliveriesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: IntegrationsDeliveriesListSort | Unset = UNSET,
    verdict: IntegrationsDeliveriesListVerdict | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["event"] = event

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_verdict: str | Unset = UNSET
    if not isinstance(verdict, Unset):
        json_verdict = verdict

    params["verdict"] = json_verdict


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/integrations/{integration_id}/deliveries".format(integration_id=quote(str(integration_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedDeliveryList | None:
    if response.status_code == 200:
        response_200 = PaginatedDeliveryList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedDeliveryList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    event: str | Unset = UNSET,
    order: IntegrationsDeliveriesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: IntegrationsDeliveriesListSort | Unset = UNSET,
    verdict: IntegrationsDeliveriesListVerdict | Unset = UNSET,

) -> Response[Error | PaginatedDeliveryList]:
    """ An integration's raw deliveries, newest first, with their verdicts

    Args:
        integration_id (int):
        event (str | Unset):
        order (IntegrationsDeliveriesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (IntegrationsDeliveriesListSort | Unset):
        verdict (IntegrationsDeliveriesListVerdict | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeliveryList]
     """


    kwargs = _get_kwargs(
        integration_id=integration_id,
event=event,
order=order,
page=page,
size=size,
sort=sort,
verdict=verdict,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    event: str | Unset = UNSET,
    order: IntegrationsDeliveriesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: IntegrationsDeliveriesListSort | Unset = UNSET,
    verdict: IntegrationsDeliveriesListVerdict | Unset = UNSET,

) -> Error | PaginatedDeliveryList | None:
    """ An integration's raw deliveries, newest first, with their verdicts

    Args:
        integration_id (int):
        event (str | Unset):
        order (IntegrationsDeliveriesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (IntegrationsDeliveriesListSort | Unset):
        verdict (IntegrationsDeliveriesListVerdict | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeliveryList
     """


    return sync_detailed(
        integration_id=integration_id,
client=client,
event=event,
order=order,
page=page,
size=size,
sort=sort,
verdict=verdict,

    ).parsed

async def asyncio_detailed(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    event: str | Unset = UNSET,
    order: IntegrationsDeliveriesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: IntegrationsDeliveriesListSort | Unset = UNSET,
    verdict: IntegrationsDeliveriesListVerdict | Unset = UNSET,

) -> Response[Error | PaginatedDeliveryList]:
    """ An integration's raw deliveries, newest first, with their verdicts

    Args:
        integration_id (int):
        event (str | Unset):
        order (IntegrationsDeliveriesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (IntegrationsDeliveriesListSort | Unset):
        verdict (IntegrationsDeliveriesListVerdict | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeliveryList]
     """


    kwargs = _get_kwargs(
        integration_id=integration_id,
event=event,
order=order,
page=page,
size=size,
sort=sort,
verdict=verdict,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    event: str | Unset = UNSET,
    order: IntegrationsDeliveriesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: IntegrationsDeliveriesListSort | Unset = UNSET,
    verdict: IntegrationsDeliveriesListVerdict | Unset = UNSET,

) -> Error | PaginatedDeliveryList | None:
    """ An integration's raw deliveries, newest first, with their verdicts

    Args:
        integration_id (int):
        event (str | Unset):
        order (IntegrationsDeliveriesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (IntegrationsDeliveriesListSort | Unset):
        verdict (IntegrationsDeliveriesListVerdict | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeliveryList
     """


    return (await asyncio_detailed(
        integration_id=integration_id,
client=client,
event=event,
order=order,
page=page,
size=size,
sort=sort,
verdict=verdict,

    )).parsed
