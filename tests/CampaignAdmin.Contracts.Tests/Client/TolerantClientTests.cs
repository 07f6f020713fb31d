using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Tests.Support;
using CampaignAdmin.Contracts.Tests.Wire;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

/// <summary>Issue 9: the dashboard's own client, over HTTP, against bodies of any shape: a page or a sentence, never a crash.</summary>
public sealed class TolerantClientTests
{
    private static ICampaignApi Api(StubHandler server) =>
        RestService.For<ICampaignApi>(new HttpClient(server) { BaseAddress = new Uri("http://campaigns.test") }, ServiceCollectionExtensions.RefitSettings);

    [Fact]
    public async Task AGoShapedMessagePageReadsWithEmptyParamsAndNoTotal()
    {
        var server = StubHandler.Json("""[{"MessageKey":"K1","Params":null,"AccountID":"+966539078942","Status":"failed"}]""");

        var page = await Api(server).GetMessagePageAsync(7, offset: 0, pageSize: 25);

        Assert.Equal(("K1", 0, 1), (page.Items.Single().MessageKey, page.Items.Single().Params.Count, page.Total));
    }

    [Fact]
    public async Task AnAnswerThatIsNotAListIsASentenceWithoutTheBody()
    {
        var server = StubHandler.Json("\"the secret internal state\"");

        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => Api(server).GetCampaignPageAsync(0, 25));

        var said = ApiErrors.Describe(failure);
        Assert.Equal("The Campaign API's answer could not be read: it is not in the shape the dashboard expects.", said);
    }

    [Fact]
    public async Task RandomBodiesGiveAPageOrAnApiExceptionNeverAnythingElse()
    {
        var random = new Random(9);
        for (var i = 0; i < 500; i++)
        {
            var body = WireFuzz.List(random, WireFuzz.CampaignFields);
            if (random.Next(8) == 0) body = body.Length > 2 ? body[..(body.Length / 2)] : "{"; // cut short: not even JSON
            try
            {
                var page = await Api(StubHandler.Json(body)).GetCampaignPageAsync(0, 25);
                Assert.All(page.Items, item => WireFuzz.AssertNoNulls(item, body));
            }
            catch (ApiException failure)
            {
                Assert.DoesNotContain("text ✓", ApiErrors.Describe(failure));
            }
        }
    }
}
