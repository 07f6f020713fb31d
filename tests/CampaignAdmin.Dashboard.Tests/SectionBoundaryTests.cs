using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>A part of a page that throws shows a short alert in its place; the rest of the page and the circuit carry on.</summary>
public sealed class SectionBoundaryTests : DashboardTestContext
{
    private const string Alert = "This part of the page could not be shown.";
    private readonly CapturedLogs _logs = new();

    public SectionBoundaryTests() => Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_logs]));

    [Fact]
    public void AChildThatThrowsWhileRenderingShowsTheAlertAndTheRestOfThePageStays()
    {
        var page = Render(PageWith("rows", Child<Fragile>(new Attempts(failures: 1))));

        var alert = page.Find("[data-testid=section-error-rows]");
        Assert.Equal($"{Alert} Try again", Squeezed(alert.TextContent));
        Assert.Empty(page.FindAll("[data-testid=fragile]"));
        Assert.Equal("The rest of the page", page.Find("[data-testid=sibling]").TextContent);
    }

    [Fact]
    public void AChildWhoseClickHandlerThrowsIsContainedTheSameWay()
    {
        var page = Render(PageWith("actions", Child<ThrowsOnClick>()));
        Assert.Empty(page.FindAll("[data-testid=section-error-actions]"));

        page.Find("button[data-testid=throws]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal($"{Alert} Try again", Squeezed(page.Find("[data-testid=section-error-actions]").TextContent)));
        Assert.Empty(page.FindAll("button[data-testid=throws]"));
        Assert.Equal("The rest of the page", page.Find("[data-testid=sibling]").TextContent);
    }

    [Fact]
    public void TryAgainRendersTheChildAnewAndItCanSucceed()
    {
        var attempts = new Attempts(failures: 1);
        var page = Render(PageWith("rows", Child<Fragile>(attempts)));

        page.Find("[data-testid=section-error-rows] button").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Row 3", page.Find("[data-testid=fragile]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=section-error-rows]"));
        // A new instance, initialised again: the failed one's state did not carry over.
        Assert.Equal(2, attempts.Initialized);
    }

    [Fact]
    public void TheExceptionIsLoggedOnceWithItsTypeAndMessage()
    {
        var page = Render(PageWith("rows", Child<Fragile>(new Attempts(failures: 1))));
        page.Find("[data-testid=section-error-rows]");

        // Lines read "{level} {category}: {message}"; the renderer's own lines only mention the type.
        var category = typeof(SectionBoundary).FullName!;
        var logged = Assert.Single(_logs.Lines, l => l.Contains($" {category}: ", StringComparison.Ordinal));
        Assert.StartsWith($"Error {category}: Page section rows could not be shown: "
            + "System.InvalidOperationException: Row 3 has no name.", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void ASectionOfTheCampaignPageThatThrowsLeavesTheOtherSectionsShowing()
    {
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, TemplateName = "order_confirmation", Lang = "en_US",
            Total = 1, SentCount = 1, DeliveredCount = 1, CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
        Api.Messages.Add(new CampaignMessage { MessageKey = "K1", CampaignId = 5, AccountId = "+966539078942", Params = ["John"], Status = "DELIVERED", Attempts = 1 });
        ComponentFactories.Add<CampaignStats, BrokenStats>();
        RenderProviders();

        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=messages-grid] tbody tr")));
        Assert.Equal($"{Alert} Try again", Squeezed(page.Find("[data-testid=section-error-stats]").TextContent));
        Assert.Equal("Spring sale", page.Find("[data-testid=campaign-name-heading]").TextContent);
        Assert.NotNull(page.Find("[data-testid=campaign-history]"));
        Assert.Empty(page.FindAll("[data-testid=section-error-header], [data-testid=section-error-messages], [data-testid=section-error-history]"));
    }

    /// <summary>A boundary named <paramref name="name"/> around <paramref name="child"/>, then something outside it.</summary>
    private static RenderFragment PageWith(string name, RenderFragment child) => builder =>
    {
        builder.OpenComponent<SectionBoundary>(0);
        builder.AddComponentParameter(1, nameof(SectionBoundary.Name), name);
        builder.AddComponentParameter(2, nameof(SectionBoundary.ChildContent), child);
        builder.CloseComponent();
        builder.AddMarkupContent(3, "<p data-testid=\"sibling\">The rest of the page</p>");
    };

    private static RenderFragment Child<T>(Attempts? attempts = null) where T : IComponent => builder =>
    {
        builder.OpenComponent<T>(0);
        if (attempts is not null) builder.AddComponentParameter(1, nameof(Fragile.Attempts), attempts);
        builder.CloseComponent();
    };

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class Attempts(int failures)
    {
        public int Failures { get; } = failures;
        public int Initialized { get; set; }
    }

    /// <summary>Throws while rendering in its first <see cref="Attempts.Failures"/> instances, like a row with bad data.</summary>
    private sealed class Fragile : ComponentBase
    {
        [Parameter] public Attempts Attempts { get; set; } = null!;

        protected override void OnInitialized() => Attempts.Initialized++;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Attempts.Initialized <= Attempts.Failures) throw new InvalidOperationException("Row 3 has no name.");
            builder.AddMarkupContent(0, "<p data-testid=\"fragile\">Row 3</p>");
        }
    }

    /// <summary>A button whose handler fails after an await, as one that read a bad answer from the API would.</summary>
    private sealed class ThrowsOnClick : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "throws");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, FailAsync));
            builder.AddContent(3, "Resend");
            builder.CloseElement();
        }

        private static async Task FailAsync()
        {
            await Task.Yield();
            throw new InvalidOperationException("The answer had no status.");
        }
    }

    /// <summary>Stands in for the stat cards and fails to render, whatever the campaign.</summary>
    private sealed class BrokenStats : ComponentBase
    {
        [Parameter] public CampaignResponse? Campaign { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => throw new InvalidOperationException("A count was missing.");
    }
}
