"""Kubernetes in a real browser: a real hub, a real agent with ``--kubernetes`` pushing the
emulated cluster (kmock); the overview lists the cluster beside the servers, the cluster page
shows its nodes and pods and filters them by namespace and status."""

from __future__ import annotations

import pytest

from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, sign_in
from tests.e2e.helpers import rest, wait_for
from tests.k8s.emulator import small_cluster
from tests.k8s.test_push_e2e import KUBECONFIG
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow


def test_the_cluster_on_the_overview_and_its_page(browser, static_root, tmp_path):
    from playwright.sync_api import expect

    emulator = small_cluster()
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG.format(url=emulator.url))
    try:
        with live_hub(tmp_path, STATIC_ROOT=str(static_root)) as hub:
            fleet = setup_fleet(hub)
            args = ("--kubernetes", "--kubernetes-cluster", "edge", "--kubeconfig", str(kubeconfig),
                    "--kubernetes-interval", "5")  # fmt: skip
            agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=2, extra_args=args).start()
            try:
                wait_for(lambda: rest(hub.url, str(fleet["token"]), "/kubernetes/clusters/edge")["nodes"] == 2,
                         what="the first snapshot")  # fmt: skip
                context = browser.new_context(viewport=LAPTOP)
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                sign_in(page, hub.url)
                row = page.locator("#cluster-rows tr[data-cluster=edge]")
                row.wait_for()
                assert "degraded" in row.inner_text() and "1 not Ready" in row.inner_text()
                row.get_by_role("link", name="edge").click()
                page.wait_for_url(f"{hub.url}/kubernetes/edge")
                page.locator("#node-rows tr[data-node=node-2]").wait_for()
                assert "NotReady" in page.locator("#node-rows tr[data-node=node-2]").inner_text()
                assert "38 %" in page.locator("#node-rows tr[data-node=node-1]").inner_text()
                expect(page.locator("#pod-count")).to_have_text("(4)")
                page.select_option("#filter-namespace", "shop")
                expect(page.locator("#pod-count")).to_have_text("(2)")
                page.fill("#filter-status", "Pending")
                expect(page.locator("#pod-count")).to_have_text("(1)")
                assert page.locator("#pod-rows tr").count() == 1
                assert "cart-2" in page.locator("#pod-rows").inner_text()
                page.screenshot(path=str(tmp_path / "kubernetes-cluster.png"), full_page=True)
                assert errors == []
                context.close()
            finally:
                agent.stop()
    finally:
        emulator.stop()
