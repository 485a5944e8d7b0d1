from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alert_subscriptions_request import AlertSubscriptionsRequest
from ...models.error import Error
from ...models.rooms_alert_subscriptions_update_response_200 import RoomsAlertSubscriptionsUpdateResponse200
from typing import cast



def _get_kwargs(
    room_id: int,
    *,
    body: AlertSubscriptionsRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/rooms/{room_id}/alert-subscriptions".format(room_id=quote(str(room_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | RoomsAlertSubscriptionsUpdateResponse200 | None:
    if response.status_code == 200:
        response_200 = RoomsAlertSubscriptionsUpdateResponse200.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | RoomsAlertSubscriptionsUpdateResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    room_id: int,
    *,
    client: AuthenticatedClient,
    body: AlertSubscriptionsRequest,

) -> Response[Error | RoomsAlertSubscriptionsUpdateResponse200]:
    """ Replace what the room follows (owner or admin)

     Anyone who may see the room reads; its owner or an admin changes it. A private room is
    a 404 to those outside it.

    Args:
        room_id (int):
        body (AlertSubscriptionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RoomsAlertSubscriptionsUpdateResponse200]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    room_id: int,
    *,
    client: AuthenticatedClient,
    body: AlertSubscriptionsRequest,

) -> Error | RoomsAlertSubscriptionsUpdateResponse200 | None:
    """ Replace what the room follows (owner or admin)

     Anyone who may see the room reads; its owner or an admin changes it. A private room is
    a 404 to those outside it.

    Args:
        room_id (int):
        body (AlertSubscriptionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RoomsAlertSubscriptionsUpdateResponse200
     """


    return sync_detailed(
        room_id=room_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    room_id: int,
    *,
    client: AuthenticatedClient,
    body: AlertSubscriptionsRequest,

) -> Response[Error | RoomsAlertSubscriptionsUpdateResponse200]:
    """ Replace what the room follows (owner or admin)

     Anyone who may see the room reads; its owner or an admin changes it. A private room is
    a 404 to those outside it.

    Args:
        room_id (int):
        body (AlertSubscriptionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RoomsAlertSubscriptionsUpdateResponse200]
     """


    kwargs = _get_kwargs(
        room_id=room_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    room_id: int,
    *,
    client: AuthenticatedClient,
    body: AlertSubscriptionsRequest,

) -> Error | RoomsAlertSubscriptionsUpdateResponse200 | None:
    """ Replace what the room follows (owner or admin)

     Anyone who may see the room reads; its owner or an admin changes it. A private room is
    a 404 to those outside it.

    Args:
        room_id (int):
        body (AlertSubscriptionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RoomsAlertSubscriptionsUpdateResponse200
     """


    return (await asyncio_detailed(
        room_id=room_id,
client=client,
body=body,

    )).parsed
