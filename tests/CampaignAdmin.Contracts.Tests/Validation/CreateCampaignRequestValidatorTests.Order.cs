using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Contracts.Tests.Support.Sample;

namespace CampaignAdmin.Contracts.Tests.Validation;

/// <summary>
/// docs/WIRE.md: "in this order; the first failure is the answer". Each request breaks two rules — Live mode proves both
/// are broken — and API mode must answer with the earlier one only.
/// </summary>
public partial class CreateCampaignRequestValidatorTests
{
    private static void AssertEarlierRuleWins(CreateCampaignRequest request, string earlier, string later)
    {
        var live = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Live).Validate(request);
        var liveTexts = live.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains(earlier, liveTexts);
        Assert.Contains(later, liveTexts);

        var api = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Api).Validate(request);
        Assert.Equal(earlier, Assert.Single(api.Errors).ErrorMessage);
    }

    [Fact]
    public void NameRequiredComesBeforeAtLeastTwoClients()
    {
        var request = TemplateRequest();
        request.Name = "";
        request.Clients.RemoveAt(1);
        AssertEarlierRuleWins(request, ErrorTexts.NameRequired, ErrorTexts.AtLeastTwoClients);
    }

    [Fact]
    public void AtLeastTwoClientsComesBeforeJsonOrTempMsgIdRequired()
    {
        var request = TemplateRequest();
        request.TempMsgId = "";
        request.Clients.RemoveAt(1);
        AssertEarlierRuleWins(request, ErrorTexts.AtLeastTwoClients, ErrorTexts.JsonOrTemplateRequired);
    }

    // Rules 4 and 5 cannot both fail (5 needs a TempMsgID, 4 needs none), nor can 4 and 6/7 (no JSON, no template,
    // no variables); so rule 4 is checked against the next rules that can fail with it.
    [Fact]
    public void JsonOrTempMsgIdRequiredComesBeforeSendAtFormat()
    {
        var request = TemplateRequest();
        request.TempMsgId = "";
        request.SendAt = "2025-03-03T14:32:25";
        AssertEarlierRuleWins(request, ErrorTexts.JsonOrTemplateRequired, ErrorTexts.SendAtFormat);
    }

    [Fact]
    public void JsonOrTempMsgIdRequiredComesBeforeInvalidAccountId()
    {
        var request = TemplateRequest();
        request.TempMsgId = "";
        request.Clients[0].AccountId = "nobody";
        AssertEarlierRuleWins(request, ErrorTexts.JsonOrTemplateRequired, ErrorTexts.InvalidAccountId("nobody"));
    }

    [Fact]
    public void TemplateNotFoundComesBeforeNotEnoughParams()
    {
        var request = TemplateRequest();
        request.TempMsgId = "00000000-0000-0000-0000-000000000000";
        request.Json = """{"a":"{{1}}","b":"{{2}}"}""";
        request.Clients[0].Params = [];
        AssertEarlierRuleWins(request, ErrorTexts.TemplateNotFound, ErrorTexts.NotEnoughParams);
    }

    [Fact]
    public void NotEnoughParamsComesBeforeParamsForAllTemplateVariables()
    {
        var request = TemplateRequest();
        request.Clients[0].Params = ["John"];
        AssertEarlierRuleWins(request, ErrorTexts.NotEnoughParams, ErrorTexts.ParamsForAllVariables);
    }

    [Fact]
    public void ParamsForAllTemplateVariablesComesBeforeSendAtFormat()
    {
        var request = TemplateRequest();
        request.Clients[1].Params = ["Jane"];
        request.SendAt = "2025-03-03T14:32:25";
        AssertEarlierRuleWins(request, ErrorTexts.ParamsForAllVariables, ErrorTexts.SendAtFormat);
    }

    [Fact]
    public void SendAtFormatComesBeforeInvalidAccountId()
    {
        var request = TemplateRequest();
        request.SendAt = "garbage";
        request.Clients[1].AccountId = "nobody";
        AssertEarlierRuleWins(request, ErrorTexts.SendAtFormat, ErrorTexts.InvalidAccountId("nobody"));
    }

    [Fact]
    public void SendAtFormatComesBeforeDuplicateAccountId()
    {
        var request = TemplateRequest();
        request.SendAt = "garbage";
        request.Clients[1].AccountId = FirstNumber;
        AssertEarlierRuleWins(request, ErrorTexts.SendAtFormat, ErrorTexts.DuplicateAccountId(FirstNumber));
    }

    [Fact]
    public void NameRequiredWinsOverEveryLaterRule()
    {
        var request = new CreateCampaignRequest { Clients = [Recipient("nobody")], SendAt = "garbage" };
        var api = new CreateCampaignRequestValidator(Catalog()).Validate(request);
        var failure = Assert.Single(api.Errors);
        Assert.Equal(ErrorTexts.NameRequired, failure.ErrorMessage);
        Assert.Equal("Name", failure.PropertyName);
    }

    [Fact]
    public void LiveModeReportsEveryBrokenFieldAtOnce()
    {
        var request = new CreateCampaignRequest
        {
            Name = " ",
            Clients = [Recipient("abc")],
            SendAt = "2025-03-03T14:32:25",
        };

        var result = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Live).Validate(request);

        Assert.Equal(
            [
                ("Name", ErrorTexts.NameRequired),
                ("Clients", ErrorTexts.AtLeastTwoClients),
                ("TempMsgID", ErrorTexts.JsonOrTemplateRequired),
                ("SendAt", ErrorTexts.SendAtFormat),
                ("Clients[0].AccountID", "invalid request: invalid accountID \"abc\""),
            ],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public void LiveModeMarksEachClientWithWrongParamsOrBadNumber()
    {
        var request = TemplateRequest();
        request.Clients =
        [
            Recipient(FirstNumber, "John", "ORD-1"),
            Recipient("bad", "Jane"),
            Recipient(FirstNumber, "a", "b", "c"),
        ];

        var result = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Live).Validate(request);

        Assert.Equal(
            [
                ("Clients[1].Params", ErrorTexts.ParamsForAllVariables),
                ("Clients[2].Params", ErrorTexts.ParamsForAllVariables),
                ("Clients[1].AccountID", "invalid request: invalid accountID \"bad\""),
                ("Clients[2].AccountID", $"invalid request: duplicate accountID \"{FirstNumber}\""),
            ],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public void LiveModeStopsListingClientErrorsAtTheConfiguredMaximum()
    {
        var request = TemplateRequest();
        request.Clients = Enumerable.Range(0, 10).Select(i => Recipient($"bad-{i}", "a", "b")).ToList();
        var options = CampaignRuleOptions.Live with { MaxClientErrors = 3 };

        var result = new CreateCampaignRequestValidator(Catalog(), options).Validate(request);

        Assert.Equal(["Clients[0].AccountID", "Clients[1].AccountID", "Clients[2].AccountID"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void LiveModeStillShowsOnlyOneNameErrorPerField()
    {
        var request = TemplateRequest();
        request.Name = "";
        var result = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Live).Validate(request);
        Assert.Equal(ErrorTexts.NameRequired, Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void ValidatorWithoutOptionsBehavesLikeTheApi()
    {
        var request = new CreateCampaignRequest();
        var result = new CreateCampaignRequestValidator(Catalog()).Validate(request);
        Assert.Equal(ErrorTexts.NameRequired, Assert.Single(result.Errors).ErrorMessage);
    }
}
