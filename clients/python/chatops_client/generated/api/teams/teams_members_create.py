from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.team_member_add_request import TeamMemberAddRequest
from ...models.teams_members_create_response_200 import TeamsMembersCreateResponse200
from ...models.teams_members_create_response_201 import TeamsMembersCreateResponse201
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: TeamMemberAddRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/teams/{id}/members".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201 | None:
    if response.status_code == 200:
        response_200 = TeamsMembersCreateResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = TeamsMembersCreateResponse201.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TeamMemberAddRequest,

) -> Response[Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201]:
    """ Add a member (admins; 200 if they were in already)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        id (str):
        body (TeamMemberAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TeamMemberAddRequest,

) -> Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201 | None:
    """ Add a member (admins; 200 if they were in already)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        id (str):
        body (TeamMemberAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TeamMemberAddRequest,

) -> Response[Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201]:
    """ Add a member (admins; 200 if they were in already)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        id (str):
        body (TeamMemberAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TeamMemberAddRequest,

) -> Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201 | None:
    """ Add a member (admins; 200 if they were in already)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        id (str):
        body (TeamMemberAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TeamsMembersCreateResponse200 | TeamsMembersCreateResponse201
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
