using System.Net;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// At most 1,000 distinct variables in a send JSON (rule 6) or a template (T6), found in one pass: a hostile body with tens of
/// thousands is refused at once. The time bounds only guard against the scan going quadratic again (it took seconds).
/// </summary>
public sealed class VariableLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static string Tokens(int count)
    {
        var text = new StringBuilder(count * 10);
        for (var i = 0; i < count; i++) text.Append("{{v").Append(i).Append("}} ");
        return text.ToString();
    }

    private static StringContent CreateBody(int variables, int firstClientParams)
    {
        var json = JsonSerializer.Serialize(new { to = "<accountID>", text = Tokens(variables) });
        var body = JsonSerializer.Serialize(new
        {
            name = "Many variables",
            JSON = json,
            clients = new[]
            {
                new { accountID = "+966539078942", @params = Enumerable.Range(0, firstClientParams).Select(i => $"p{i}").ToArray() },
                new { accountID = "+966539078944", @params = Array.Empty<string>() },
            },
        });
        return Json(body);
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(40_000)]
    [InlineData(80_000)]
    public async Task AJsonWithTooManyDistinctVariablesIsRefusedAtOnce(int variables)
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create", CreateBody(variables, firstClientParams: 0)).WaitAsync(Bound);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.TooManyVariables), await ErrorOf(response));
    }

    [Fact]
    public async Task AJsonWithExactlyTheMaximumIsAccepted()
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create", CreateBody(Variables.MaxDistinct, Variables.MaxDistinct)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var campaign = Deserialize<Contracts.Campaigns.CampaignResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal(Variables.MaxDistinct + 3, campaign.ReportHeaders.Count);
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(40_000)]
    public async Task ATemplateBodyWithTooManyVariablesIsRefusedAtOnce(int variables)
    {
        var body = JsonSerializer.Serialize(new
        {
            name = $"many_{variables}", category = "UTILITY", language = "en_US",
            creation = new[] { new { type = "BODY", text = Tokens(variables) } },
        });

        var response = await factory.Http().PostAsync("/v2/whatsapp/templates", Json(body)).WaitAsync(Bound);

        Assert.Equal((HttpStatusCode.BadRequest, CreateTemplateRequestValidator.VariablesRule), await ErrorOf(response));
    }

    [Fact]
    public async Task ATemplateWithTooManyCopyCodeButtonsIsRefused()
    {
        var buttons = Enumerable.Range(0, Variables.MaxDistinct + 1).Select(i => new { type = "COPY_CODE", text = $"b{i}" }).ToArray();
        var body = JsonSerializer.Serialize(new
        {
            name = "many_buttons", category = "MARKETING", language = "en_US",
            creation = new object[] { new { type = "BODY", text = "Hi" }, new { type = "BUTTONS", buttons } },
        });

        var response = await factory.Http().PostAsync("/v2/whatsapp/templates", Json(body)).WaitAsync(Bound);

        Assert.Equal((HttpStatusCode.BadRequest, CreateTemplateRequestValidator.VariablesRule), await ErrorOf(response));
    }
}
