from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.auth_github_callback_retrieve_response_200 import AuthGithubCallbackRetrieveResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    code: str,
    state: str,
    chatops_github_binding: str | Unset = UNSET,

) -> dict[str, Any]:
    

    cookies = {}
    if chatops_github_binding is not UNSET:
        cookies["chatops_github_binding"] = chatops_github_binding



    params: dict[str, Any] = {}

    params["code"] = code

    params["state"] = state


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/github/callback",
        "params": params,
        "cookies": cookies,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthGithubCallbackRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = AuthGithubCallbackRetrieveResponse200.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthGithubCallbackRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
    chatops_github_binding: str | Unset = UNSET,

) -> Response[AuthGithubCallbackRetrieveResponse200 | Error]:
    """ Finish a GitHub sign-in: trade GitHub's code and the state for a token pair

     Anonymous by nature: they hand out credentials. A signed-in caller's token is ignored.

    Args:
        code (str):
        state (str):
        chatops_github_binding (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthGithubCallbackRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        code=code,
state=state,
chatops_github_binding=chatops_github_binding,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
    chatops_github_binding: str | Unset = UNSET,

) -> AuthGithubCallbackRetrieveResponse200 | Error | None:
    """ Finish a GitHub sign-in: trade GitHub's code and the state for a token pair

     Anonymous by nature: they hand out credentials. A signed-in caller's token is ignored.

    Args:
        code (str):
        state (str):
        chatops_github_binding (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthGithubCallbackRetrieveResponse200 | Error
     """


    return sync_detailed(
        client=client,
code=code,
state=state,
chatops_github_binding=chatops_github_binding,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
    chatops_github_binding: str | Unset = UNSET,

) -> Response[AuthGithubCallbackRetrieveResponse200 | Error]:
    """ Finish a GitHub sign-in: trade GitHub's code and the state for a token pair

     Anonymous by nature: they hand out credentials. A signed-in caller's token is ignored.

    Args:
        code (str):
        state (str):
        chatops_github_binding (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthGithubCallbackRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        code=code,
state=state,
chatops_github_binding=chatops_github_binding,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
    chatops_github_binding: str | Unset = UNSET,

) -> AuthGithubCallbackRetrieveResponse200 | Error | None:
    """ Finish a GitHub sign-in: trade GitHub's code and the state for a token pair

     Anonymous by nature: they hand out credentials. A signed-in caller's token is ignored.

    Args:
        code (str):
        state (str):
        chatops_github_binding (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthGithubCallbackRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        client=client,
code=code,
state=state,
chatops_github_binding=chatops_github_binding,

    )).parsed
