using CampaignAdmin.Dashboard.Identity.Postgres;
using CampaignAdmin.Dashboard.Live.Postgres;
using CampaignAdmin.ServiceDefaults.Data;
using Microsoft.AspNetCore.DataProtection;
using CampaignAdmin.Dashboard.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>Sign-in for the dashboard: ASP.NET Core Identity on the dashboard database, cookie sessions, roles and the audit log.</summary>
public static class IdentityHosting
{
    public const string SignInPath = "/account/sign-in";
    /// <summary>A page that asks, then signs out with a form POST and its antiforgery token (a link alone cannot sign anyone out).</summary>
    public const string SignOutPath = "/account/sign-out";
    public const string SignedOutPath = "/account/signed-out";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary><c>DataProtection:KeysPath</c>, by default <c>data/keys</c> under the content root.</summary>
    public static string KeysPath(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["DataProtection:KeysPath"] is { Length: > 0 } configured ? configured : Path.Combine("data", "keys");
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }

    public static WebApplicationBuilder AddDashboardIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var store = DashboardStore.Read(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(store);
        services.AddProviderContextFactory<DashboardDb, PostgresDashboardDb>(store.Provider, (_, options) => store.Use(options));
        services.AddSingleton<Live.Webhooks.IWebhookSecretStore, Live.Webhooks.DbWebhookSecretStore>();
        services.AddSingleton<Drafts.IDraftStore, Drafts.DbDraftStore>();

        // Session cookies outlive restarts, and on PostgreSQL span instances: the key ring lives with the data (docs/DECISIONS.md).
        var protection = services.AddDataProtection().SetApplicationName("CampaignAdmin");
        if (store.IsPostgres) protection.PersistKeysToDbContext<PostgresDashboardDb>();
        else protection.PersistKeysToFileSystem(new DirectoryInfo(KeysPath(builder.Configuration, builder.Environment.ContentRootPath)));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddIdentityCore<DashboardUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDb>()
            .AddSignInManager<DashboardSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "CampaignAdmin.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization(options => options.AddPermissionPolicies());

        services.Configure<FirstAdminOptions>(builder.Configuration.GetSection(FirstAdminOptions.Section));
        services.AddHostedService<DashboardDatabase>();
        // After the migration (hosted services start in order).
        services.AddHostedService<Live.Webhooks.StatusWebhookStart>();
        services.AddLiveRelay(store);
        return builder;
    }
}
