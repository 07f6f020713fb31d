using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// The suite's users: the first-run Admin comes from <c>Admin__Email</c>/<c>Admin__Password</c>; the others are created by that
/// Admin on the Users page, exactly as staff would be (no test-only seeding path in the app).
/// </summary>
public static class TestUsers
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Viewer = "Viewer";
    public const string Password = "E2E-role-password-1";

    public static (string Email, string Password) Credentials(string role) => role == Admin
        ? (AppProcess.AdminEmail, AppProcess.AdminPassword)
        : ($"{role.ToLowerInvariant()}@e2e.test", Password);

    /// <summary>Creates the role's user through the Users page.</summary>
    public static async Task EnsureAsync(DashboardFixture fixture, string role)
    {
        var (email, password) = Credentials(role);
        var page = await fixture.NewPageAsync(Admin);
        await page.GotoAsync("admin/users");
        await CreateUserAsync(page, email, password, role);
        await page.Context.CloseAsync();
    }

    public static async Task CreateUserAsync(IPage page, string email, string password, string role)
    {
        await page.GetByTestId("new-user").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Initial password").FillAsync(password);
        await dialog.GetByTestId("new-user-role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        await dialog.GetByTestId("new-user-create").ClickAsync();
        // The row's role box shows the role's name (in the page's language: the English one here).
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).GetByTestId("role-select")).ToHaveValueAsync(role);
    }
}
