using System.Net;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>Creates bigger than one write chunk: all or nothing, and the echo of the clients only for small ones.</summary>
public sealed class BigCreateTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Three chunks: two are written before the last one fails.</summary>
    private const int ThreeChunks = CampaignWriter.ChunkSize * 2 + 10;

    /// <summary>More chunks than one transaction holds: at least one transaction commits before the last chunk fails.</summary>
    public const int PastOneTransaction = CampaignWriter.ChunkSize * (CampaignWriter.MaxChunksPerTransaction + 2) + 10;

    public static string[] Numbers(int count, int from = 1_000_000) =>
        Enumerable.Range(from, count).Select(n => $"+96650{n:D7}").ToArray();

    /// <summary>Two million empty clients in 6 MB: counted, not built, and refused by rule 9 at the first one, nothing stored.</summary>
    [Fact]
    public async Task TwoMillionEmptyClientsAreRefusedAtTheFirstNumber()
    {
        var body = "{\"Name\":\"empty\",\"JSON\":\"{}\",\"Clients\":[" + string.Join(",", Enumerable.Repeat("{}", 2_000_000)) + "]}";
        var before = await CountsAsync();

        var (status, error) = await ErrorOf(await factory.Http().PostAsync("/v2/campaign/create", Json(body)));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.InvalidAccountId("")), (status, error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task UpToTheEchoLimitTheAnswerEchoesEveryClient()
    {
        var numbers = Numbers(CampaignCreator.EchoedClientsMax);

        var campaign = await factory.Campaigns().CreateCampaignAsync(OrderConfirmation("echo at limit", FutureSendAt(TimeSpan.FromDays(1)), numbers));

        Assert.Equal(CampaignCreator.EchoedClientsMax, campaign.Total);
        Assert.Equal(numbers, campaign.Clients.Select(c => c.AccountId));
        Assert.Equal(["Customer 999", "ORD-999"], campaign.Clients[^1].Params);
    }

    [Fact]
    public async Task OneClientOverTheEchoLimitTheAnswerEchoesNone()
    {
        var numbers = Numbers(CampaignCreator.EchoedClientsMax + 1, from: 2_000_000);

        var campaign = await factory.Campaigns().CreateCampaignAsync(OrderConfirmation("echo over limit", FutureSendAt(TimeSpan.FromDays(1)), numbers));

        Assert.Equal(CampaignCreator.EchoedClientsMax + 1, campaign.Total);
        Assert.Empty(campaign.Clients);
        Assert.Equal(CampaignCreator.EchoedClientsMax + 1, (await factory.Campaigns().GetMessagePageAsync(campaign.Id, 0, 1)).Total);
    }

    [Fact]
    public async Task AnInvalidNumberInTheLastChunkLeavesNoCampaignAndNoMessages()
    {
        var numbers = Numbers(ThreeChunks, from: 3_000_000);
        numbers[^2] = "+9665";
        var before = await CountsAsync();

        var (status, error) = await FailureOf(() => factory.Campaigns().CreateCampaignAsync(OrderConfirmation("invalid at the end", "", numbers)));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.InvalidAccountId("+9665")), (status, error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AnInvalidNumberAfterACommittedTransactionLeavesNoCampaignAndNoMessages()
    {
        var numbers = Numbers(PastOneTransaction, from: 7_000_000);
        numbers[^1] = "+9665";
        var before = await CountsAsync();

        var (status, error) = await FailureOf(() => factory.Campaigns().CreateCampaignAsync(OrderConfirmation("invalid after a commit", "", numbers)));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.InvalidAccountId("+9665")), (status, error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task PastOneTransactionEveryMessageIsStoredInOrderUnderOneIdRange()
    {
        var numbers = Numbers(PastOneTransaction, from: 8_000_000);

        var campaign = await factory.Campaigns().CreateCampaignAsync(OrderConfirmation("past one transaction", FutureSendAt(TimeSpan.FromDays(1)), numbers));

        await using var db = await factory.DbAsync();
        var stored = await db.Messages.Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Id).Select(m => new { m.Id, m.AccountId }).ToListAsync();
        var row = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
        Assert.Equal(numbers, stored.Select(m => m.AccountId));
        Assert.Equal((row.FirstMessageId, row.FirstMessageId + PastOneTransaction - 1), (stored[0].Id, stored[^1].Id));
        Assert.Equal(row.FirstMessageId + PastOneTransaction - 1, row.LastMessageId);
        Assert.Equal(CampaignStatus.Scheduled, row.Status);
    }

    [Fact]
    public async Task TheFirstDuplicateAcrossChunksIsTheAnswerAndNothingStays()
    {
        var numbers = Numbers(ThreeChunks, from: 4_000_000);
        numbers[CampaignWriter.ChunkSize + 3] = "0" + numbers[7][4..]; // the same number written nationally, in the second chunk
        numbers[^1] = "bad";
        var before = await CountsAsync();

        var (status, error) = await FailureOf(() => factory.Campaigns().CreateCampaignAsync(OrderConfirmation("duplicate", "", numbers)));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.DuplicateAccountId("0" + numbers[7][4..])), (status, error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ALaterRuleStillComesBeforeTheNumbers()
    {
        var numbers = Numbers(ThreeChunks, from: 5_000_000);
        numbers[^1] = "bad";

        var (status, error) = await FailureOf(() => factory.Campaigns().CreateCampaignAsync(OrderConfirmation("send at", "tomorrow", numbers)));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.SendAtFormat), (status, error));
    }

    private async Task<(int Campaigns, int Messages)> CountsAsync()
    {
        await using var db = await factory.DbAsync();
        return (await db.Campaigns.CountAsync(), await db.Messages.CountAsync());
    }
}

/// <summary>The database fails while the third chunk of a big create is written: the create is 500 and leaves nothing.</summary>
public sealed class FailingMidwayCreateTests(FailingMidwayCreateTests.Factory factory) : IClassFixture<FailingMidwayCreateTests.Factory>
{
    public const string Poison = "+966559999999";

    /// <summary>A trigger refuses one number, as a full disk or a broken file would refuse a write.</summary>
    public sealed class Factory : ApiFactory
    {
        public async Task PoisonAsync()
        {
            await using var db = await DbAsync();
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
                ? $"""
                  CREATE OR REPLACE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.accountid = '{Poison}' THEN RAISE EXCEPTION 'disk says no'; END IF; RETURN NEW; END $$;
                  CREATE OR REPLACE TRIGGER poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION poison();
                  """
                : $"CREATE TRIGGER IF NOT EXISTS Poison BEFORE INSERT ON Messages WHEN NEW.AccountId = '{Poison}' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");
        }
    }

    [Fact]
    public async Task AWriteFailingMidwayLeavesNoPartialCampaign()
    {
        await factory.PoisonAsync();
        var numbers = BigCreateTests.Numbers(BigCreateTests.PastOneTransaction, from: 6_000_000);
        numbers[^1] = Poison;

        var (status, error) = await FailureOf(() => factory.Campaigns().CreateCampaignAsync(OrderConfirmation("fails midway", "", numbers)));

        Assert.Equal((HttpStatusCode.InternalServerError, "internal server error"), (status, error));
        await using var after = await factory.DbAsync();
        Assert.False(await after.Campaigns.AnyAsync(c => c.Name == "fails midway" || c.Status == CampaignWriter.Unfinished));
        Assert.Equal(0, await after.Messages.CountAsync(m => m.AccountId.StartsWith("+96650")));
    }
}

/// <summary>
/// A database where a create was cut short by a crash: the start removes the unfinished campaign and its messages. A create
/// begun a moment ago is, on SQLite, a leftover too (one process writes it); on PostgreSQL it may be another instance's,
/// still running, and stays.
/// </summary>
public sealed class UnfinishedCreateSweepTests(UnfinishedCreateSweepTests.Factory factory) : IClassFixture<UnfinishedCreateSweepTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            using (var db = Database.NewCampaignDb())
            {
                db.Database.Migrate();
                // Values of our own making, not input: the moment is the one value that is not a constant.
                var rows =
                    $"""
                    INSERT INTO Campaigns (Id, CompanyId, Name, TemplateId, TemplateName, Lang, Message, Json, SendAtText, SendAt, Status, AgentId,
                        Total, SentCount, DeliveredCount, ReadCount, FailedCount, ReportHeaders, SocketKey, CreatedAt, UpdatedAt, FirstMessageId, LastMessageId)
                    VALUES (77, 0, 'cut short', '', '', '', '', '', '', 0, '{CampaignWriter.Unfinished}', 0, 20000, 0, 0, 0, 0, '[]', '', 0, 0, 1, 2),
                        (78, 0, 'begun a moment ago', '', '', '', '', '', '', 0, '{CampaignWriter.Unfinished}', 0, 20000, 0, 0, 0, 0, '[]', '',
                        {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}, 0, 3, 3);
                    INSERT INTO Messages (Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts, ProviderMessageId,
                        CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil)
                    VALUES ('K1', 77, 1, '+966500000001', '[]', 1, '', 0, 0, '', 0, 0, '', 0), ('K2', 77, 1, '+966500000002', '[]', 1, '', 0, 0, '', 0, 0, '', 0),
                        ('K3', 78, 1, '+966500000003', '[]', 1, '', 0, 0, '', 0, 0, '', 0);
                    """;
                db.Database.ExecuteSqlRaw(rows);
            }
            base.ConfigureWebHost(builder);
        }
    }

    [Fact]
    public async Task TheStartRemovesACreateACrashCutShort()
    {
        await using var db = await factory.DbAsync();

        Assert.False(await db.Campaigns.AnyAsync(c => c.Id == 77));
        Assert.False(await db.Messages.AnyAsync(m => m.CampaignId == 77));
    }

    [Fact]
    public async Task ACreateBegunAMomentAgoIsALeftoverOnSqliteAndAnotherInstancesOnPostgres()
    {
        await using var db = await factory.DbAsync();

        var kept = TestDatabase.IsPostgres;
        Assert.Equal(kept, await db.Campaigns.AnyAsync(c => c.Id == 78 && c.Status == CampaignWriter.Unfinished));
        Assert.Equal(kept ? 1 : 0, await db.Messages.CountAsync(m => m.CampaignId == 78));
    }
}
