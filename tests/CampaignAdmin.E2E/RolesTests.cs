using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class RolesTests(DashboardFixture fixture)
{
    // The sandbox fails a number ending 0001 on its first attempt and accepts it when resent.
    private const string FailsOnce = "+966539070001";

    [Fact]
    public async Task AViewerSeesEverythingButEveryChangeIsDisabledWithTheReason()
    {
        var name = SeedApi.UniqueName("Viewer demo");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, [FailsOnce, "+966539078942"]);
        var page = await fixture.NewPageAsync(TestUsers.Viewer);

        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("viewer@e2e.test · Viewer");
        await Expect(page.GetByTestId("create-not-allowed")).ToHaveTextAsync("Creating campaigns needs the Marketer or Admin role; you are a Viewer.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New campaign" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        await page.GotoAsync($"campaigns/{id}");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = FailsOnce });
        await Expect(row.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("resend")).ToBeDisabledAsync();
        await Expect(row.GetByTestId("resend")).ToHaveAttributeAsync("title", "Resending messages needs the Marketer or Admin role; you are a Viewer.");
        await Expect(page.GetByTestId("resend-all")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("edit-campaign")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("edit-disabled-reason")).ToHaveTextAsync("Editing campaigns needs the Marketer or Admin role; you are a Viewer.");
        await Expect(page.GetByTestId("delete-campaign")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("delete-disabled-reason")).ToHaveTextAsync("Deleting campaigns needs the Admin role; you are a Viewer.");
        await DashboardFixture.ScreenshotAsync(page, "viewer-campaign-detail");

        await page.GotoAsync("campaigns/new");
        await Expect(page.GetByTestId("not-allowed")).ToContainTextAsync("with the Viewer role");
        await DashboardFixture.ScreenshotAsync(page, "viewer-not-allowed");
        await page.GotoAsync("admin/users");
        await Expect(page.GetByTestId("not-allowed")).ToContainTextAsync("with the Viewer role");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMarketerResendsAndEditsButCannotDeleteOrManageUsers()
    {
        var name = SeedApi.UniqueName("Marketer demo");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, [FailsOnce, "+966539078942"]);
        var page = await fixture.NewPageAsync(TestUsers.Marketer);

        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.GetByTestId("delete-campaign")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("delete-disabled-reason")).ToHaveTextAsync("Deleting campaigns needs the Admin role; you are a Marketer.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = FailsOnce });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Resend to {FailsOnce}" }).ClickAsync();
        await Expect(row.Locator("[data-status='SUBMITTED']")).ToBeVisibleAsync();

        // The resend is on record in the campaign's History (refreshed with the page's counts), with who and from where.
        var history = page.GetByTestId("campaign-history");
        var entry = history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Resent message" });
        await Expect(entry).ToContainTextAsync("marketer@e2e.test");
        await Expect(entry).ToContainTextAsync($"to {FailsOnce}: SUBMITTED");
        await Expect(entry).ToContainTextAsync("127.0.0.1");
        await DashboardFixture.ScreenshotAsync(page, "marketer-campaign-history");

        await page.GotoAsync("campaigns/new");
        await Expect(page.GetByLabel("Campaign name")).ToBeVisibleAsync();
        await page.GotoAsync("admin/users");
        await Expect(page.GetByTestId("not-allowed")).ToContainTextAsync("with the Marketer role");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdminCreatesChangesAndDisablesUsersAndADisabledUserCannotSignIn()
    {
        var email = $"staff-{Guid.NewGuid().ToString("N")[..8]}@e2e.test";
        var admin = await fixture.NewPageAsync();
        await admin.GotoAsync("admin/users");
        await TestUsers.CreateUserAsync(admin, email, TestUsers.Password, TestUsers.Viewer);
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

        await row.GetByTestId("role-select").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = TestUsers.Marketer, Exact = true }).ClickAsync();
        await Expect(admin.GetByText($"{email} is now a Marketer.")).ToBeVisibleAsync();
        await row.GetByTestId("disable-user").ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Disabled");
        await DashboardFixture.ScreenshotAsync(admin, "admin-users");

        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, email, TestUsers.Password);
        await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("This account is disabled. Ask an Admin to enable it.");

        await row.GetByTestId("enable-user").ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Active");
        await DashboardFixture.SignInAsync(page, email, TestUsers.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"{email} · Marketer");

        await admin.GotoAsync("audit");
        await admin.GetByTestId("audit-action").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Disabled user", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("audit-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(admin, "audit-filtered");

        await admin.GotoAsync("admin/api");
        await Expect(admin.GetByTestId("api-key-state")).ToHaveTextAsync("configured (never shown)");
        await Expect(admin.GetByTestId("keys-commands")).ToContainTextAsync("dotnet CampaignAdmin.Api.dll keys create");
        await Expect(admin.Locator("body")).Not.ToContainTextAsync(SeedApi.DevelopmentKey);
        await DashboardFixture.ScreenshotAsync(admin, "admin-api");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
