using CampaignAdmin.ServiceDefaults.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>On start: migrate the dashboard database, make sure the roles exist, and create the first admin if nobody can sign in.</summary>
internal sealed class DashboardDatabase(IServiceScopeFactory scopes, DashboardStore store, IOptions<FirstAdminOptions> admin, TimeProvider time)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDb>>().CreateDbContextAsync(cancellationToken))
        {
            // A wrong or unreachable database stops the start naming ConnectionStrings:Dashboard, never its password.
            await DatabaseSettings.CheckConnectionAsync(db.Database.GetDbConnection(), store.CannotOpen, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in DashboardRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var generated = await FirstAdmin.EnsureAsync(users, admin.Value, time);
        if (generated is not null)
        {
            // Printed once, to the console only (not the log, which may be shipped elsewhere).
            var email = string.IsNullOrWhiteSpace(admin.Value.Email) ? FirstAdminOptions.DefaultEmail : admin.Value.Email.Trim();
            Console.WriteLine();
            Console.WriteLine("  No dashboard user existed, so an Admin was created:");
            Console.WriteLine($"    email:    {email}");
            Console.WriteLine($"    password: {generated}");
            Console.WriteLine("  It is shown only this once: sign in and set a new one under Users, or set Admin__Email and Admin__Password before the first run.");
            Console.WriteLine();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
