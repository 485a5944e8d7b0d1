from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alerts_list_kind import AlertsListKind
from ...models.alerts_list_kind import check_alerts_list_kind
from ...models.alerts_list_order import AlertsListOrder
from ...models.alerts_list_order import check_alerts_list_order
from ...models.alerts_list_severity_item import AlertsListSeverityItem
from ...models.alerts_list_severity_item import check_alerts_list_severity_item
from ...models.alerts_list_sort import AlertsListSort
from ...models.alerts_list_sort import check_alerts_list_sort
from ...models.alerts_list_status_item import AlertsListStatusItem
from ...models.alerts_list_status_item import check_alerts_list_status_item
from ...models.error import Error
from ...models.paginated_alert_list import PaginatedAlertList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    end: datetime.datetime | Unset = UNSET,
    kind: AlertsListKind | Unset = UNSET,
    order: AlertsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    severity: list[AlertsListSeverityItem] | Unset = UNSET,
    size: int | Unset = 20,
    sort: AlertsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: list[AlertsListStatusItem] | Unset = UNSET,
    threshold: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["server"] = server

    json_severity: list[str] | Unset = UNSET
    if not isinstance(severity, Unset):
        json_severity = []
        for severity_item_data in severity:
            severity_item: str = severity_item_data
            json_severity.append(severity_item)


    params["severity"] = json_severity

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item: str = status_item_data
            json_status.append(status_item)


    params["status"] = json_status

    params["threshold"] = threshold


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alerts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedAlertList | None:
    if response.status_code == 200:
        response_200 = PaginatedAlertList.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedAlertList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    kind: AlertsListKind | Unset = UNSET,
    order: AlertsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    severity: list[AlertsListSeverityItem] | Unset = UNSET,
    size: int | Unset = 20,
    sort: AlertsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: list[AlertsListStatusItem] | Unset = UNSET,
    threshold: int | Unset = UNSET,

) -> Response[Error | PaginatedAlertList]:
    """  Alerts: one per episode of a threshold breached on a server, or of a silent server.
    Every role reads; operators and admins acknowledge and resolve.

    Args:
        end (datetime.datetime | Unset):
        kind (AlertsListKind | Unset):
        order (AlertsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        severity (list[AlertsListSeverityItem] | Unset):
        size (int | Unset):  Default: 20.
        sort (AlertsListSort | Unset):
        start (datetime.datetime | Unset):
        status (list[AlertsListStatusItem] | Unset):
        threshold (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAlertList]
     """


    kwargs = _get_kwargs(
        end=end,
kind=kind,
order=order,
page=page,
server=server,
severity=severity,
size=size,
sort=sort,
start=start,
status=status,
threshold=threshold,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    kind: AlertsListKind | Unset = UNSET,
    order: AlertsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    severity: list[AlertsListSeverityItem] | Unset = UNSET,
    size: int | Unset = 20,
    sort: AlertsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: list[AlertsListStatusItem] | Unset = UNSET,
    threshold: int | Unset = UNSET,

) -> Error | PaginatedAlertList | None:
    """  Alerts: one per episode of a threshold breached on a server, or of a silent server.
    Every role reads; operators and admins acknowledge and resolve.

    Args:
        end (datetime.datetime | Unset):
        kind (AlertsListKind | Unset):
        order (AlertsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        severity (list[AlertsListSeverityItem] | Unset):
        size (int | Unset):  Default: 20.
        sort (AlertsListSort | Unset):
        start (datetime.datetime | Unset):
        status (list[AlertsListStatusItem] | Unset):
        threshold (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAlertList
     """


    return sync_detailed(
        client=client,
end=end,
kind=kind,
order=order,
page=page,
server=server,
severity=severity,
size=size,
sort=sort,
start=start,
status=status,
threshold=threshold,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    kind: AlertsListKind | Unset = UNSET,
    order: AlertsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    severity: list[AlertsListSeverityItem] | Unset = UNSET,
    size: int | Unset = 20,
    sort: AlertsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: list[AlertsListStatusItem] | Unset = UNSET,
    threshold: int | Unset = UNSET,

) -> Response[Error | PaginatedAlertList]:
    """  Alerts: one per episode of a threshold breached on a server, or of a silent server.
    Every role reads; operators and admins acknowledge and resolve.

    Args:
        end (datetime.datetime | Unset):
        kind (AlertsListKind | Unset):
        order (AlertsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        severity (list[AlertsListSeverityItem] | Unset):
        size (int | Unset):  Default: 20.
        sort (AlertsListSort | Unset):
        start (datetime.datetime | Unset):
        status (list[AlertsListStatusItem] | Unset):
        threshold (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAlertList]
     """


    kwargs = _get_kwargs(
        end=end,
kind=kind,
order=order,
page=page,
server=server,
severity=severity,
size=size,
sort=sort,
start=start,
status=status,
threshold=threshold,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    kind: AlertsListKind | Unset = UNSET,
    order: AlertsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    severity: list[AlertsListSeverityItem] | Unset = UNSET,
    size: int | Unset = 20,
    sort: AlertsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: list[AlertsListStatusItem] | Unset = UNSET,
    threshold: int | Unset = UNSET,

) -> Error | PaginatedAlertList | None:
    """  Alerts: one per episode of a threshold breached on a server, or of a silent server.
    Every role reads; operators and admins acknowledge and resolve.

    Args:
        end (datetime.datetime | Unset):
        kind (AlertsListKind | Unset):
        order (AlertsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        severity (list[AlertsListSeverityItem] | Unset):
        size (int | Unset):  Default: 20.
        sort (AlertsListSort | Unset):
        start (datetime.datetime | Unset):
        status (list[AlertsListStatusItem] | Unset):
        threshold (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAlertList
     """


    return (await asyncio_detailed(
        client=client,
end=end,
kind=kind,
order=order,
page=page,
server=server,
severity=severity,
size=size,
sort=sort,
start=start,
status=status,
threshold=threshold,

    )).parsed
