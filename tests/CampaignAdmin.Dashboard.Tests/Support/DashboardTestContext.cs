using Bunit;
using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Hosting;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>A bUnit context with MudBlazor, the fake API, a fixed clock and the viewer in Asia/Riyadh.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected DashboardTestContext()
    {
        // MudBlazor's timers and the grids' server data are asynchronous; a busy 2-core runner needs more than 1 s (a cap, not a delay).
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<string?>("campaignAdmin.timeZone").SetResult("Asia/Riyadh");
        Services.AddMudServices();
        // What the tests fake, registered first: the dashboard's own services take these instead of the real ones.
        Services.AddSingleton<ICampaignApi>(Api);
        Services.AddSingleton<ITemplatesApi>(Templates);
        Services.AddSingleton<ITemplateSyncApi>(TemplateSync);
        Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        Services.AddSingleton<IAuditLog>(Audit);
        Services.AddSingleton<CampaignAdmin.Dashboard.Drafts.IDraftStore>(Drafts);
        Services.AddSingleton<CampaignAdmin.Dashboard.Approvals.IApprovalStore>(new MemoryApprovalStore(Drafts));
        Services.AddSingleton<CampaignAdmin.Dashboard.Preflight.IMediaProbe>(Media);
        Services.AddDashboardServices();
        // No draft is saved while a test types (the builder would re-render under it, a second later); DraftsTests shorten this.
        Services.Configure<CampaignAdmin.Dashboard.Drafts.DraftOptions>(o => o.SaveAfter = TimeSpan.FromHours(1));
        Authorization = AddAuthorization();
        SignInAs(DashboardRoles.Admin);
    }

    protected MemoryAuditLog Audit { get; } = new();
    protected MemoryDraftStore Drafts { get; } = new();
    protected FakeMediaProbe Media { get; } = new();
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    /// <summary>The signed-in user has this role, and the policies the real server grants that role.</summary>
    protected void SignInAs(string role)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@test");
        Authorization.SetRoles(role);
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)], "test"));
        Authorization.SetPolicies(Enum.GetValues<Permission>().Where(p => user.Allows(p)).Select(Permissions.Policy).ToArray());
    }

    protected FakeCampaignApi Api { get; } = new();
    protected FakeTemplatesApi Templates { get; } = new();
    protected FakeTemplateSyncApi TemplateSync { get; } = new();

    /// <summary>Popovers, dialogs and snackbars render into these providers.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Dialogs = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Popovers = Render<MudPopoverProvider>();
    }

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable: dispose the context asynchronously before xUnit's Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
