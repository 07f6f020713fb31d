using Bunit;
using CampaignAdmin.Client;
using CampaignAdmin.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignAdmin.Web.Tests.Support;

/// <summary>A bUnit context with MudBlazor, the fake API, a fixed clock and the viewer in Asia/Riyadh.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected DashboardTestContext()
    {
        // MudBlazor's debounce timers and the grids' server data are asynchronous; a busy 2-core runner needs more than 1 s.
        DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<string?>("campaignAdmin.timeZone").SetResult("Asia/Riyadh");
        Services.AddMudServices();
        Services.AddSingleton<ICampaignApi>(Api);
        Services.AddSingleton<ITemplatesApi>(Templates);
        Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        Services.AddScoped<BrowserTimeZone>();
    }

    protected FakeCampaignApi Api { get; } = new();
    protected FakeTemplatesApi Templates { get; } = new();

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
