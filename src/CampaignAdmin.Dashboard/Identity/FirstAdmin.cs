using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary><c>Admin:Email</c> and <c>Admin:Password</c> (env <c>Admin__Email</c>, <c>Admin__Password</c>) for the first run.</summary>
public sealed class FirstAdminOptions
{
    public const string Section = "Admin";
    public const string DefaultEmail = "admin@localhost";

    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>When the dashboard has no user at all, creates the first Admin so someone can sign in and invite the rest.</summary>
public static class FirstAdmin
{
    /// <summary>Creates the admin when no user exists. Returns the generated password when one had to be made up, else <c>null</c>.</summary>
    public static async Task<string?> EnsureAsync(UserManager<DashboardUser> users, FirstAdminOptions options, TimeProvider time)
    {
        if (users.Users.Any()) return null;
        var email = string.IsNullOrWhiteSpace(options.Email) ? FirstAdminOptions.DefaultEmail : options.Email.Trim();
        var generated = string.IsNullOrEmpty(options.Password) ? GeneratePassword() : null;
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, generated ?? options.Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not create the first admin {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, DashboardRoles.Admin);
        return generated;
    }

    /// <summary>24 random characters from 55 unambiguous letters and digits (~139 bits), then one of each class Identity's rules ask for.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 24) + "-Aa1";
}
