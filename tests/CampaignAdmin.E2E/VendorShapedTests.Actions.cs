using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static CampaignAdmin.E2E.Vendor.GoShapedStore;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>The dashboard's actions against the Go-shaped double: what it sends, what the double then holds, what the page says.</summary>
public sealed partial class VendorShapedTests
{
    [Theory]
    [InlineData("Plain")]
    [InlineData("JsonErrors")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task BuildingACampaignFromThePickerSendsTheDocumentsFieldsAndOpensIt(string shape)
    {
        vendor.Use(shape);
        var page = await SignedInAsync();
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync("Go spring orders");
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        await page.GetByLabel("Row 1 Account ID").FillAsync("+966539078942");
        await page.GetByLabel("Row 1 Body {{1}}").FillAsync("John");
        await page.GetByLabel("Row 1 Body {{2}}").FillAsync("ORD-12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync("+966539078944");
        await page.GetByLabel("Row 2 Body {{1}}").FillAsync("Sara");
        await page.GetByLabel("Row 2 Body {{2}}").FillAsync("ORD-12346");
        await Expect(page.GetByTestId("create-campaign")).ToBeEnabledAsync();
        var id = Vendor.Store.NextId;
        await page.GetByTestId("create-campaign").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/campaigns/{id}$"));
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync("Go spring orders");
        await Expect(page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539078944" })).ToContainTextAsync("Sara · ORD-12346");

        // The body as the client sends it (the document's untagged names), and what the double made of it.
        var (_, body) = Assert.Single(Vendor.Bodies, b => b.Path == "/v2/campaign/create");
        Assert.Equal("Go spring orders", body.GetProperty("Name").GetString());
        Assert.Equal(GoStructs.OrderConfirmation, body.GetProperty("TempMsgID").GetString());
        Assert.Equal(["+966539078942: John, ORD-12345", "+966539078944: Sara, ORD-12346"], body.GetProperty("Clients").EnumerateArray()
            .Select(c => $"{c.GetProperty("AccountID").GetString()}: {string.Join(", ", c.GetProperty("Params").EnumerateArray().Select(p => p.GetString()))}"));
        var created = Vendor.Store.Find(id)!;
        Assert.Equal(("Go spring orders", GoStructs.OrderConfirmation, 2), (created.Name, created.TempMsgId, created.Messages.Count));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task TheScheduledCampaignIsRenamedAndRescheduledThroughTheEditDialog(string shape)
    {
        vendor.Use(shape);
        var page = await SignedInAsync();
        var holiday = Vendor.Store.Holiday;
        await page.GotoAsync($"campaigns/{holiday.Id}");
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync("Go holiday greeting");

        await page.GetByTestId("edit-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Campaign name").FillAsync("Go holiday greeting (moved)");
        // The vendor's "2030-01-01 09:00:00" is in CampaignApi:TimeZone (UTC here): the dialog opens there, not in the viewer's Riyadh.
        var time = dialog.GetByLabel("Time", new() { Exact = true });
        await Expect(time).ToHaveValueAsync("09:00");
        await Expect(dialog.GetByTestId("schedule-zone")).ToHaveValueAsync("UTC");
        await time.FillAsync("09:30");
        await time.PressAsync("Tab");
        await Expect(dialog.GetByTestId("send-at-iso")).ToHaveTextAsync("2030-01-01T09:30:00+00:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Campaign \"Go holiday greeting (moved)\" updated.")).ToBeVisibleAsync();
        Assert.Equal(("Go holiday greeting (moved)", "2030-01-01T09:30:00+00:00"), (holiday.Name, holiday.SendAt));
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go holiday greeting (moved)" });
        await Expect(row).ToContainTextAsync("1 Jan 2030, 12:30");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task DeletingACampaignThroughTheDialogRemovesItFromTheListAndTheServer(string shape)
    {
        vendor.Use(shape);
        var page = await SignedInAsync();
        var id = Vendor.Store.Orders.Id;
        await page.GotoAsync($"campaigns/{id}");
        await page.GetByTestId("delete-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("all its 30 messages");
        await Expect(dialog).ToContainTextAsync("24 messages were already sent");
        await dialog.GetByLabel("Campaign name to confirm").FillAsync("Go order confirmations");
        await dialog.GetByTestId("delete-confirm").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(page.GetByText("Campaign \"Go order confirmations\" deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go holiday greeting", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go order confirmations", Exact = true })).ToHaveCountAsync(0);
        Assert.Null(Vendor.Store.Find(id));
        Assert.Equal(2, Vendor.Store.Campaigns.Count);
        Assert.Equal($"{id}", Field(Assert.Single(Vendor.Bodies, b => b.Path == "/v2/campaign/delete").Body, "ID"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("JsonErrors")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task ResendAllFailedResendsEachKeyedFailureOnceAndSaysWhatItCouldNot(string shape)
    {
        vendor.Use(shape);
        var orders = Vendor.Store.Orders;
        var keyed = KeyedFailed(orders);
        Assert.Equal(5, keyed.Count);
        var page = await SignedInAsync();
        await page.GotoAsync($"campaigns/{orders.Id}");
        var resendAll = page.GetByTestId("resend-all");
        await Expect(resendAll).ToHaveTextAsync("Resend all failed (6)");
        var before = Vendor.Requests.Count;

        await resendAll.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("resend-all-count")).ToHaveTextAsync("This sends 5 failed messages again, one by one.");
        await Expect(dialog.GetByTestId("resend-all-note")).ToHaveTextAsync(
            ["1 failed message can't be resent: the API gave no message key.",
             "Checked all 30 messages this API returned (it doesn't page, so the dashboard read them at once)."]);
        await dialog.GetByTestId("resend-all-confirm").ClickAsync();

        await Expect(page.GetByTestId("resend-all-summary"))
            .ToHaveTextAsync("Resent 5 of 5 failed messages. 1 failed message can't be resent: the API gave no message key. " +
                             "Checked all 30 messages this API returned (it doesn't page, so the dashboard read them at once).");
        await Expect(resendAll).ToHaveTextAsync("Resend all failed (1)");
        await DashboardFixture.ScreenshotAsync(page, $"vendor-{shape}-resend-all");
        var resent = Vendor.Bodies.Where(b => b.Path == "/v2/campaign/resendMsg").Select(b => Field(b.Body, "MessageKey"));
        Assert.Equal(keyed.Order(), resent.Order());
        // It finished in a handful of reads: the window for the plan, and the page's own (live refresh every 2 s, the reload
        // after). Against this server it once made 5,403 calls and never ended.
        var looks = Vendor.Requests.Skip(before).Count(r => r.StartsWith("/v2/campaign/getCampMsgs", StringComparison.Ordinal));
        Assert.InRange(looks, 1, 12);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("JsonErrors")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task TheCsvExportHasEveryMessageWithTheKeylessAndNullParamsRows(string shape)
    {
        vendor.Use(shape);
        var orders = Vendor.Store.Orders;
        var page = await SignedInAsync();
        await page.GotoAsync($"campaigns/{orders.Id}");
        await Expect(page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = NilParamsNumber })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("AccountID,Body {{1}},Body {{2}},Status,Error code,Error,Sent at (Asia/Riyadh),Delivered at (Asia/Riyadh),Read at (Asia/Riyadh)", lines[0]);
        Assert.Equal(orders.Messages.Count, lines.Length - 1);
        Assert.Single(lines, l => l.StartsWith($"'{NoKeyNumber},Omar,ORD-1,FAILED,131026,{Undeliverable},", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"'{NilParamsNumber},,,FAILED,131049,{Undeliverable},", StringComparison.Ordinal));
        // The grid's words, not the vendor's (failed, sent, READ).
        Assert.All(lines.Skip(1), l => Assert.Matches(",(FAILED|SUBMITTED|DELIVERED|READ),", l));
        await page.Context.CloseAsync();
    }
}
