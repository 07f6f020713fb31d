using CampaignAdmin.Dashboard.Approvals;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Reports;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Time;
using CampaignAdmin.Dashboard.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>
/// The dashboard's application services, registered in one place: the app calls it from <see cref="DashboardHosting"/>,
/// the bUnit tests from their base context (replacing only what they fake: the API clients, the audit store, the clock).
/// </summary>
public static class DashboardServices
{
    public static IServiceCollection AddDashboardServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // English and Arabic: IStringLocalizer<Component> over Resources/…/Component.ar.resx, the culture from the user's pick.
        services.AddDashboardCultures();
        // The API client registers the configured table; hosts without one (tests) get the built-in words.
        services.TryAddSingleton(CampaignAdmin.Client.StatusVocabulary.Default);
        // Likewise the configured paging (CampaignApi:Paging, :WindowSize); without one, it is learned from the answers.
        services.TryAddSingleton(new CampaignAdmin.Client.ApiCapabilities());
        services.TryAddTransient<CampaignAdmin.Client.CampaignLists>();
        services.TryAddSingleton<IAuditLog, DbAuditLog>();
        // Pushed status changes (embedded API events, vendor webhooks) reach open pages through this one hub.
        services.TryAddSingleton<Live.LiveUpdates>();
        services.TryAddSingleton<Live.Webhooks.StatusWebhook>();
        services.AddScoped<Live.Webhooks.StatusWebhookAdmin>();
        services.AddScoped<BrowserTimeZone>();
        services.AddScoped<ClientOrigin>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AdminAudit>();
        services.AddScoped<CampaignActions>();
        services.AddScoped<Drafts.DraftActions>();
        services.AddScoped<Drafts.CampaignDrafts>();
        services.AddOptions<Drafts.DraftOptions>();
        services.AddApprovals();
        // One per process: a resend in flight in one tab (circuit) refuses the same resend in another.
        services.AddSingleton<ResendsInFlight>();
        services.AddOptions<ResendLimits>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<ApiKeyAdmin>();
        services.AddReports();
        services.AddPreflight();
        return services;
    }
}
