using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class UserAdminTests
{
    [Fact]
    public async Task TheFirstRunCreatesTheConfiguredAdminOnce()
    {
        await using var server = await new ServerHarness().StartAsync();
        await server.StartAsync();

        await using var scope = server.As(DashboardRoles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var admin = Assert.Single(users.Users.ToList());
        Assert.Equal("admin@test", admin.Email);
        Assert.True(await users.IsInRoleAsync(admin, DashboardRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "Admin-password-1"));
    }

    [Fact]
    public async Task WithoutAConfiguredPasswordTheFirstAdminGetsAStrongGeneratedOne()
    {
        await using var server = new ServerHarness(new Dictionary<string, string?> { ["Admin:Email"] = "", ["Admin:Password"] = "" });
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try { await server.StartAsync(); }
        finally { Console.SetOut(console); }

        var printed = output.ToString();
        Assert.Contains("email:    admin@localhost", printed);
        var password = printed.Split('\n').Single(l => l.Contains("password:")).Split("password:")[1].Trim();
        Assert.True(password.Length >= 24);
        await using var scope = server.As(DashboardRoles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.True(await users.CheckPasswordAsync(Assert.Single(users.Users.ToList()), password));
    }

    [Theory]
    [InlineData(DashboardRoles.Viewer)]
    [InlineData(DashboardRoles.Marketer)]
    public async Task OnlyAnAdminManagesUsers(string role)
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(role);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => admin.CreateAsync("new@test", "Password-long-1", DashboardRoles.Admin));
        Assert.Equal($"Managing users needs the Admin role; you are a {role}.", refused.Message);
        await Assert.ThrowsAsync<ActionRefusedException>(() => admin.ListAsync());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.Null(await users.FindByEmailAsync("new@test"));
    }

    [Fact]
    public async Task AnAdminCreatesAUserWithARoleAndADisabledUserCannotSignIn()
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(DashboardRoles.Admin);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();

        Assert.True((await admin.CreateAsync("sara@test", "Password-long-1", DashboardRoles.Marketer)).Succeeded);
        var sara = Assert.Single(await admin.ListAsync(), u => u.Email == "sara@test");
        Assert.Equal(DashboardRoles.Marketer, sara.Role);
        Assert.True((await admin.SetDisabledAsync(sara.Id, true)).Succeeded);

        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DashboardUser>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.False(await signIn.CanSignInAsync((await users.FindByIdAsync(sara.Id))!));
    }
}
