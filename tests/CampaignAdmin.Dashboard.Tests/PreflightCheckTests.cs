using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Each item of the pre-flight checklist on its own, against the fake API and a fake media probe.</summary>
public sealed class PreflightCheckTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeCampaignApi _api = new();
    private readonly FakeTemplatesApi _templates = new();
    private readonly FakeMediaProbe _media = new();
    private readonly PreflightOptions _options = new();
    private ApiCapabilities _capabilities = new();

    private Task<PreflightReport> RunAsync(CreateCampaignRequest request)
    {
        var clock = new FixedClock();
        var history = new RecipientHistory(_api, _capabilities, StatusVocabulary.Default, clock);
        return new PreflightCheck(_templates, _media, history, Options.Create(_options), clock).RunAsync(request);
    }

    private static CreateCampaignRequest Orders(params (string Number, string[] Values)[] rows) => new()
    {
        Name = "Spring", TempMsgId = TestTemplates.OrderConfirmationId,
        Clients = rows.Select(r => new CampaignClient { AccountId = r.Number, Params = [.. r.Values] }).ToList(),
    };

    private static CreateCampaignRequest TwoOrders() => Orders(("+966539078942", ["John", "ORD-1"]), ("+966539078944", ["Sara", "ORD-2"]));

    [Fact]
    public async Task AGoodCampaignPassesEveryCheckAndBlocksNothing()
    {
        var report = await RunAsync(TwoOrders());

        Assert.False(report.Blocks);
        Assert.Null(report.BlockReason);
        Assert.Equal(["template", "params", "empty-params", "media", "recent", "scheduled", "duration", "cost"], report.Items.Select(i => i.Id));
        Assert.Equal("order_confirmation is APPROVED (read again from the Campaign API just now).", report["template"]!.Detail);
        Assert.Equal("All 2 rows have 2 values.", report["params"]!.Detail);
        Assert.All(report.Items.Take(6), i => Assert.True(i.Passed, i.Id));
    }

    [Fact]
    public async Task ATemplatePausedSinceTheBuilderLoadedIsReadAgainAndBlocks()
    {
        // The builder loaded it approved; the API lists it paused now.
        var paused = TestTemplates.OrderConfirmation;
        _templates.Templates[0] = new TemplateDto { Id = paused.Id, Name = paused.Name, Category = paused.Category, Status = TemplateStatus.Paused, Creation = paused.Creation, Variables = paused.Variables };

        var report = await RunAsync(TwoOrders());

        var item = report["template"]!;
        Assert.Equal((PreflightSeverity.Blocking, "order_confirmation is PAUSED now, not APPROVED: WhatsApp refuses to send it."), (item.Severity, item.Detail));
        Assert.Equal("The pre-flight check stops this campaign. order_confirmation is PAUSED now, not APPROVED: WhatsApp refuses to send it.", report.BlockReason);
    }

    [Fact]
    public async Task ATemplateNoLongerListedBlocks()
    {
        _templates.Templates.RemoveAt(0);

        var report = await RunAsync(TwoOrders());

        Assert.Equal((PreflightSeverity.Blocking, "The template is no longer listed by the Campaign API."), (report["template"]!.Severity, report["template"]!.Detail));
    }

    [Fact]
    public async Task RowsWithoutEveryValueBlockAndAreNamed()
    {
        var report = await RunAsync(Orders(("+966539078942", ["John", "ORD-1"]), ("+966539078944", ["Sara"]), ("+966539078945", ["A", "B", "C"])));

        var item = report["params"]!;
        Assert.Equal((PreflightSeverity.Blocking, 2, "The template takes 2 values; rows 2 and 3 do not have that many."), (item.Severity, item.Count, item.Detail));
    }

    [Fact]
    public async Task EmptyValuesBlockNamingTheRowAndTheColumn()
    {
        var report = await RunAsync(Orders(("+966539078942", ["John", " "]), ("+966539078944", ["Sara", "ORD-2"]), ("+966539078945", ["", ""])));

        var item = report["empty-params"]!;
        Assert.Equal(PreflightSeverity.Blocking, item.Severity);
        Assert.Equal(2, item.Count);
        Assert.Equal("WhatsApp refuses a message with an empty value: row 1 Body {{2}}, row 3 Body {{1}} and row 3 Body {{2}}.", item.Detail);
    }

    [Fact]
    public async Task EachDistinctMediaLinkIsAskedOnceAndNoMoreThanTheLimit()
    {
        _options.MaxMediaLinks = 20;
        var rows = Enumerable.Range(0, 30).Select(i => new CampaignClient { AccountId = $"+9665390780{i:D2}", Params = [$"https://cdn.example.com/{i % 25}.png", "Sara"] }).ToList();

        var report = await RunAsync(new CreateCampaignRequest { Name = "Images", TempMsgId = TestTemplates.WelcomeImageId, Clients = rows });

        Assert.Equal(20, _media.Asked.Count);
        Assert.Equal(20, _media.Asked.Distinct().Count());
        var item = report["media"]!;
        Assert.Equal((PreflightSeverity.Warning, "20 links answered. 5 more links not asked (at most 20 per check)."), (item.Severity, item.Detail));
    }

    [Fact]
    public async Task AMediaLinkAnsweringAnErrorBlocksAndOneThatDoesNotAnswerOnlyWarns()
    {
        _media.Answers["https://cdn.example.com/gone.png"] = new("https://cdn.example.com/gone.png", LinkOutcome.Fails, PreflightTexts.AnsweredError(404));
        _media.Answers["https://slow.example.com/a.png"] = new("https://slow.example.com/a.png", LinkOutcome.Unreachable, PreflightTexts.NoAnswerWithin(TimeSpan.FromSeconds(3)));
        var request = new CreateCampaignRequest
        {
            Name = "Images", TempMsgId = TestTemplates.WelcomeImageId,
            Clients = [new() { AccountId = "+966539078942", Params = ["https://cdn.example.com/gone.png", "Sara"] }, new() { AccountId = "+966539078944", Params = ["https://slow.example.com/a.png", "Omar"] }],
        };

        var blocking = (await RunAsync(request))["media"]!;
        request.Clients[0].Params[0] = "https://cdn.example.com/ok.png";
        var warning = (await RunAsync(request))["media"]!;

        Assert.Equal((PreflightSeverity.Blocking, "https://cdn.example.com/gone.png answers 404; https://slow.example.com/a.png no answer within 3 s."), (blocking.Severity, blocking.Detail));
        Assert.Equal((PreflightSeverity.Warning, "https://slow.example.com/a.png no answer within 3 s."), (warning.Severity, warning.Detail));
    }

    [Fact]
    public async Task NumbersMessagedWithTheTemplateInTheLastHoursWarnAndOlderOnesDoNot()
    {
        _options.RecentHours = 12;
        _api.Campaigns.Add(new CampaignResponse { Id = 3, Name = "Yesterday", Status = CampaignStatus.Completed, TempMsgId = TestTemplates.OrderConfirmationId, CreatedAt = "2025-02-28T15:00:00Z", UpdatedAt = "2025-02-28T23:00:00Z" });
        _api.Campaigns.Add(new CampaignResponse { Id = 4, Name = "Other template", Status = CampaignStatus.Completed, TempMsgId = TestTemplates.ArabicId, CreatedAt = "2025-03-01T08:00:00Z" });
        _api.Messages.Add(new CampaignMessage { MessageKey = "K1", CampaignId = 3, AccountId = "+966539078942", Status = "DELIVERED", SentAt = "2025-02-28T22:00:00Z" });
        _api.Messages.Add(new CampaignMessage { MessageKey = "K2", CampaignId = 3, AccountId = "+966539078944", Status = "DELIVERED", SentAt = "2025-02-28T15:00:00Z" });
        _api.Messages.Add(new CampaignMessage { MessageKey = "K3", CampaignId = 4, AccountId = "+966539078944", Status = "DELIVERED", SentAt = "2025-03-01T08:00:00Z" });

        var item = (await RunAsync(TwoOrders()))["recent"]!;

        // 22:00 is 11 h ago; 15:00 is 18 h ago; campaign 4 used another template.
        Assert.Equal((PreflightSeverity.Warning, 1, "1 number got this template in the last 12 hours: +966539078942."), (item.Severity, item.Count, item.Detail));
    }

    [Fact]
    public async Task NumbersInAnotherScheduledCampaignWarn()
    {
        _api.Campaigns.Add(new CampaignResponse { Id = 8, Name = "Next week", Status = CampaignStatus.Scheduled, TempMsgId = TestTemplates.ArabicId, SendAt = "2025-03-08T09:00:00Z" });
        _api.Messages.Add(new CampaignMessage { MessageKey = "K1", CampaignId = 8, AccountId = "+966539078944", Status = "PENDING" });

        var report = await RunAsync(TwoOrders());

        Assert.Equal((PreflightSeverity.Warning, "1 number also in a scheduled campaign: +966539078944."), (report["scheduled"]!.Severity, report["scheduled"]!.Detail));
        Assert.True(report["recent"]!.Passed);
        Assert.False(report.Blocks);
    }

    [Fact]
    public async Task AVendorsWindowIsSaidToLimitTheLook()
    {
        // The vendor's API: no paging, one window of each list (here 2 messages of a campaign that has more).
        _api.IgnoresExtensions = true;
        _capabilities = new ApiCapabilities(ListPaging.Window, windowSize: 2);
        _api.Campaigns.Add(new CampaignResponse { Id = 3, Name = "Today", Status = "PROCESSING", TempMsgId = TestTemplates.OrderConfirmationId, CreatedAt = "2025-03-01T08:00:00Z" });
        for (var i = 0; i < 3; i++) _api.Messages.Add(new CampaignMessage { MessageKey = $"K{i}", CampaignId = 3, AccountId = $"+96653907100{i}", Status = "sent" });

        var item = (await RunAsync(TwoOrders()))["recent"]!;

        Assert.Equal(PreflightSeverity.Warning, item.Severity);
        Assert.Equal("None of these numbers got this template in the last 24 hours. The look was limited (the API gives one window of each campaign's messages): there may be more.", item.Detail);
    }

    [Fact]
    public async Task TheDurationIsEstimatedAtTheConfiguredPace()
    {
        _options.MessagesPerSecond = 10;
        var rows = Enumerable.Range(0, 1_250).Select(i => new CampaignClient { AccountId = $"+96653{i:D7}", Params = ["A", "B"] }).ToArray();

        var item = (await RunAsync(new CreateCampaignRequest { Name = "Big", TempMsgId = TestTemplates.OrderConfirmationId, Clients = [.. rows] }))["duration"]!;

        Assert.Equal("About 3 minutes for 1,250 messages at 10 a second (Preflight:MessagesPerSecond), once sending starts.", item.Detail);
    }

    [Fact]
    public async Task TheCostIsEstimatedByCountryAndCategoryFromTheRateTable()
    {
        _options.Rates = new RateTable
        {
            Currency = "USD", AsOf = "2025-07-01",
            Countries = new() { ["966"] = new() { ["UTILITY"] = 0.0115m, ["MARKETING"] = 0.0455m }, ["971"] = new() { ["utility"] = 0.0157m } },
        };
        var request = Orders(("+966539078942", ["A", "B"]), ("+966539078944", ["A", "B"]), ("+971501234567", ["A", "B"]), ("+447911123456", ["A", "B"]));

        var item = (await RunAsync(request))["cost"]!;

        Assert.Equal(PreflightSeverity.Info, item.Severity);
        Assert.Equal("About 0.04 USD, an estimate from the configured rate table (rates as of 2025-07-01), not a bill: "
                     + "2 × +966 (SA) UTILITY at 0.0115, 1 × +971 (AE) UTILITY at 0.0157. 1 number without a rate not counted.", item.Detail);
    }

    [Fact]
    public async Task WithoutARateTableTheCostSaysSo()
    {
        var item = (await RunAsync(TwoOrders()))["cost"]!;

        Assert.Equal("No rate table is configured (Preflight:Rates), so there is no estimate.", item.Detail);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData("+966539078942", "966")]
    [InlineData("+14155550123", "1")]
    [InlineData("+447700900123", "44")]
    [InlineData("+97150123456", "971")]
    [InlineData("+18765550123", "1")]
    public void ANumbersCallingCodeIsItsFirstDigitsLibphonenumberKnows(string number, string code) =>
        Assert.Equal(code, Estimates.CallingCode(number));
}

/// <summary><c>Preflight:*</c> read from configuration; a setting out of range is named.</summary>
public sealed class PreflightSettingsTests
{
    private static PreflightOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.ConfigurePreflight(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PreflightOptions>>().Value;
    }

    [Fact]
    public void TheRateTableAndTheLimitsAreReadFromConfiguration()
    {
        var options = Read(new()
        {
            ["Preflight:RecentHours"] = "48",
            ["Preflight:MessagesPerSecond"] = "20",
            ["Preflight:Rates:Currency"] = "EUR",
            ["Preflight:Rates:AsOf"] = "2025-07-01",
            ["Preflight:Rates:Countries:966:MARKETING"] = "0.0455",
            ["Preflight:Rates:Countries:Other:UTILITY"] = "0.02",
        });

        Assert.Equal((48, 20d, "EUR", "2025-07-01"), (options.RecentHours, options.MessagesPerSecond, options.Rates.Currency, options.Rates.AsOf));
        Assert.Equal(0.0455m, options.Rates.RateFor("966", "marketing"));
        Assert.Equal(0.02m, options.Rates.RateFor("44", "UTILITY"));
        Assert.Null(options.Rates.RateFor("44", "MARKETING"));
    }

    [Fact]
    public void ASettingOutOfRangeIsNamed()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Preflight:RecentHours"] = "-1" }));

        Assert.Equal("Preflight:RecentHours must be from 0 to 2160.", refused.Message);
    }
}
