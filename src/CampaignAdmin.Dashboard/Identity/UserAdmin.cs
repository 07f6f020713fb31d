using System.Security.Claims;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Campaigns;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>A user as the Users page lists it.</summary>
public sealed record UserSummary(string Id, string Email, string Role, bool Disabled, DateTimeOffset? LockedOutUntil, DateTime CreatedAtUtc);

/// <summary>The Users page's actions. Each checks on the server that the caller is an Admin, and is audited.</summary>
public sealed class UserAdmin(UserManager<DashboardUser> users, CurrentUser currentUser, AdminAudit audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync("list users", "");
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var summaries = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            var lockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : (DateTimeOffset?)null;
            summaries.Add(new UserSummary(user.Id, user.Email ?? user.UserName ?? "", role, user.Disabled, lockedUntil, user.CreatedAtUtc));
        }
        return summaries;
    }

    public async Task<IdentityResult> CreateAsync(string email, string password, string role)
    {
        email = email.Trim();
        await RequireAdminAsync(AuditActions.UserCreated, email);
        if (!DashboardRoles.All.Contains(role)) return Failed($"Unknown role \"{role}\".");
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded) await WriteAsync(AuditActions.UserCreated, email, $"role {role}");
        return added;
    }

    public async Task<IdentityResult> SetRoleAsync(string userId, string role)
    {
        var user = await FindAsync(userId, AuditActions.RoleChanged);
        if (!DashboardRoles.All.Contains(role)) return Failed($"Unknown role \"{role}\".");
        if (await IsSelfAsync(user) && role != DashboardRoles.Admin) return Failed("You cannot take the Admin role from yourself; ask another Admin.");
        var before = await users.GetRolesAsync(user);
        if (before.SequenceEqual([role])) return IdentityResult.Success;
        var removed = await users.RemoveFromRolesAsync(user, before);
        if (!removed.Succeeded) return removed;
        var added = await users.AddToRoleAsync(user, role);
        // A new stamp ends the user's open sessions, so the new role applies at once.
        if (added.Succeeded) await users.UpdateSecurityStampAsync(user);
        if (added.Succeeded) await WriteAsync(AuditActions.RoleChanged, user.Email!, $"{string.Join(", ", before)} → {role}");
        return added;
    }

    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled)
    {
        var action = disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled;
        var user = await FindAsync(userId, action);
        if (disabled && await IsSelfAsync(user)) return Failed("You cannot disable yourself.");
        if (user.Disabled == disabled) return IdentityResult.Success;
        user.Disabled = disabled;
        if (!disabled) user.LockoutEnd = null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return updated;
        await users.UpdateSecurityStampAsync(user);
        await WriteAsync(action, user.Email!, "");
        return updated;
    }

    public async Task<IdentityResult> SetPasswordAsync(string userId, string password)
    {
        var user = await FindAsync(userId, AuditActions.PasswordSet);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (reset.Succeeded) await users.SetLockoutEndDateAsync(user, null);
        if (reset.Succeeded) await WriteAsync(AuditActions.PasswordSet, user.Email!, "password set by an Admin");
        return reset;
    }

    private async Task<DashboardUser> FindAsync(string userId, string action)
    {
        await RequireAdminAsync(action, userId);
        return await users.FindByIdAsync(userId) ?? throw new ActionRefusedException("That user does not exist.");
    }

    private async Task<bool> IsSelfAsync(DashboardUser user) =>
        (await currentUser.PrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier) == user.Id;

    private Task RequireAdminAsync(string action, string target) => audit.RequireAsync(Permission.ManageUsers, action, target);

    private Task WriteAsync(string action, string target, string details) => audit.WriteAsync(action, target, details);

    private static IdentityResult Failed(string description) => IdentityResult.Failed(new IdentityError { Description = description });
}
