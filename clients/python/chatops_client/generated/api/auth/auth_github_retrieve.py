from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.auth_github_retrieve_response_200 import AuthGithubRetrieveResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    redirect_uri: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["redirect_uri"] = redirect_uri


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/github",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthGithubRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = AuthGithubRetrieveResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthGithubRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    redirect_uri: str | Unset = UNSET,

) -> Response[AuthGithubRetrieveResponse200 | Error]:
    """ Start a GitHub sign-in: GitHub's authorize address and a single-use state

     Sets the `chatops_github_binding` cookie (HttpOnly): the callback refuses the state without it, so a
    state is useful only to the client that started the sign-in.

    Args:
        redirect_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthGithubRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        redirect_uri=redirect_uri,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    redirect_uri: str | Unset = UNSET,

) -> AuthGithubRetrieveResponse200 | Error | None:
    """ Start a GitHub sign-in: GitHub's authorize address and a single-use state

     Sets the `chatops_github_binding` cookie (HttpOnly): the callback refuses the state without it, so a
    state is useful only to the client that started the sign-in.

    Args:
        redirect_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthGithubRetrieveResponse200 | Error
     """


    return sync_detailed(
        client=client,
redirect_uri=redirect_uri,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    redirect_uri: str | Unset = UNSET,

) -> Response[AuthGithubRetrieveResponse200 | Error]:
    """ Start a GitHub sign-in: GitHub's authorize address and a single-use state

     Sets the `chatops_github_binding` cookie (HttpOnly): the callback refuses the state without it, so a
    state is useful only to the client that started the sign-in.

    Args:
        redirect_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthGithubRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        redirect_uri=redirect_uri,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    redirect_uri: str | Unset = UNSET,

) -> AuthGithubRetrieveResponse200 | Error | None:
    """ Start a GitHub sign-in: GitHub's authorize address and a single-use state

     Sets the `chatops_github_binding` cookie (HttpOnly): the callback refuses the state without it, so a
    state is useful only to the client that started the sign-in.

    Args:
        redirect_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthGithubRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        client=client,
redirect_uri=redirect_uri,

    )).parsed
