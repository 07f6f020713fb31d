using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Tests.Support;
using CampaignAdmin.Contracts.Validation;
using FluentValidation;
using FluentValidation.Results;
using static CampaignAdmin.Contracts.Tests.Support.Sample;

namespace CampaignAdmin.Contracts.Tests.Validation;

/// <summary>docs/WIRE.md rules 2–9 one by one, as the API runs them (first failure is the answer).</summary>
public partial class CreateCampaignRequestValidatorTests
{
    private static ValidationResult Validate(CreateCampaignRequest request, ITemplateCatalog? catalog = null) =>
        new CreateCampaignRequestValidator(catalog ?? Catalog(), CampaignRuleOptions.Api).Validate(request);

    private static void AssertFails(CreateCampaignRequest request, string propertyName, string errorText, ITemplateCatalog? catalog = null)
    {
        var failure = Assert.Single(Validate(request, catalog).Errors);
        Assert.Equal(errorText, failure.ErrorMessage);
        Assert.Equal(propertyName, failure.PropertyName);
    }

    private static void AssertValid(CreateCampaignRequest request, ITemplateCatalog? catalog = null)
    {
        var result = Validate(request, catalog);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void ErrorTextsAreTheDesignsWordForWord()
    {
        Assert.Equal("invalid request: name is required", ErrorTexts.NameRequired);
        Assert.Equal("invalid request: at least 2 clients required", ErrorTexts.AtLeastTwoClients);
        Assert.Equal("invalid request: JSON or TempMsgID required", ErrorTexts.JsonOrTemplateRequired);
        Assert.Equal("invalid request: template not found", ErrorTexts.TemplateNotFound);
        Assert.Equal("invalid request: not enough params for variables in JSON", ErrorTexts.NotEnoughParams);
        Assert.Equal("invalid request: each client must have params for all template variables", ErrorTexts.ParamsForAllVariables);
        Assert.Equal("invalid request: SendAt must be an ISO 8601 date-time with a time zone offset", ErrorTexts.SendAtFormat);
        Assert.Equal("invalid request: invalid accountID \"abc\"", ErrorTexts.InvalidAccountId("abc"));
        Assert.Equal("invalid request: duplicate accountID \"abc\"", ErrorTexts.DuplicateAccountId("abc"));
        Assert.Equal("invalid request body: unexpected end", ErrorTexts.InvalidBodyDetail("unexpected end"));
        Assert.Equal("only scheduled campaigns can be updated (name and SendAt fields only)", ErrorTexts.OnlyScheduledCanBeUpdated);
    }

    [Fact]
    public void ValidTemplateRequestPasses() => AssertValid(TemplateRequest());

    [Fact]
    public void ValidJsonRequestWithoutTemplatePasses() => AssertValid(JsonRequest(VendorJson), TemplateCatalog.Empty);

    // Rule 2
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void BlankNameReturnsNameRequiredError(string name)
    {
        var request = TemplateRequest();
        request.Name = name;
        AssertFails(request, "Name", ErrorTexts.NameRequired);
    }

    [Fact]
    public void NameOfMaximumLengthPasses()
    {
        var request = TemplateRequest();
        request.Name = new string('n', CreateCampaignRequestValidator.MaxNameLength);
        AssertValid(request);
    }

    [Fact]
    public void NameLongerThanMaximumReturnsNameTooLongError()
    {
        var request = TemplateRequest();
        request.Name = new string('n', CreateCampaignRequestValidator.MaxNameLength + 1);
        AssertFails(request, "Name", ErrorTexts.NameTooLong);
    }

    // Rule 3
    [Fact]
    public void CreateWithOneClientReturnsAtLeastTwoClientsError()
    {
        var request = TemplateRequest();
        request.Clients.RemoveAt(1);
        AssertFails(request, "Clients", ErrorTexts.AtLeastTwoClients);
    }

    [Fact]
    public void CreateWithNoClientsReturnsAtLeastTwoClientsError()
    {
        var request = TemplateRequest();
        request.Clients.Clear();
        AssertFails(request, "Clients", ErrorTexts.AtLeastTwoClients);
    }

    [Fact]
    public void CreateWithNullClientsReturnsAtLeastTwoClientsError()
    {
        var request = TemplateRequest();
        request.Clients = null!;
        AssertFails(request, "Clients", ErrorTexts.AtLeastTwoClients);
    }

    // Rule 4
    [Theory]
    [InlineData("", "")]
    [InlineData("  ", " ")]
    public void CreateWithoutJsonOrTemplateReturnsJsonOrTempMsgIdRequiredError(string json, string tempMsgId)
    {
        var request = TemplateRequest();
        request.Json = json;
        request.TempMsgId = tempMsgId;
        AssertFails(request, "TempMsgID", ErrorTexts.JsonOrTemplateRequired);
    }

    // Rule 5
    [Fact]
    public void UnknownTemplateIdReturnsTemplateNotFoundError()
    {
        var request = TemplateRequest();
        request.TempMsgId = "00000000-0000-0000-0000-000000000000";
        AssertFails(request, "TempMsgID", ErrorTexts.TemplateNotFound);
    }

    [Fact]
    public void TemplateIdUnknownEvenWithJsonReturnsTemplateNotFoundError()
    {
        var request = TemplateRequest();
        request.Json = VendorJson;
        AssertFails(request, "TempMsgID", ErrorTexts.TemplateNotFound, TemplateCatalog.Empty);
    }

    [Fact]
    public void TemplateIdIsFoundWhateverItsCase()
    {
        var request = TemplateRequest();
        request.TempMsgId = OrderConfirmationId.ToUpperInvariant();
        AssertValid(request);
    }

    [Fact]
    public void TemplateOfAnotherCatalogIsNotFound()
    {
        var other = new TemplateCatalog([Template("11111111-1111-1111-1111-111111111111", "welcome", "en_US",
            new TemplateComponent { Type = ComponentType.Body, Text = "Welcome {{1}}" })]);
        AssertFails(TemplateRequest(), "TempMsgID", ErrorTexts.TemplateNotFound, other);
    }

    // Rule 6 (and the auto-fill of JSON it depends on)
    [Fact]
    public void FirstClientWithFewerParamsThanDistinctJsonVariablesReturnsNotEnoughParamsError()
    {
        var request = JsonRequest("""{"a":"{{1}}","b":"{{2}}","c":"{{1}}"}""", Recipient(FirstNumber, "only one"), Recipient(SecondNumber, "x", "y"));
        AssertFails(request, "Clients[0].Params", ErrorTexts.NotEnoughParams, TemplateCatalog.Empty);
    }

    [Fact]
    public void FirstClientWithAsManyParamsAsDistinctJsonVariablesPasses()
    {
        var request = JsonRequest("""{"a":"{{1}}","b":"{{2}}","c":"{{1}}"}""", Recipient(FirstNumber, "x", "y"), Recipient(SecondNumber, "x", "y"));
        AssertValid(request, TemplateCatalog.Empty);
    }

    [Fact]
    public void FirstClientWithMoreParamsThanJsonVariablesPasses()
    {
        var request = JsonRequest("""{"a":"{{1}}"}""", Recipient(FirstNumber, "x", "y", "z"), Recipient(SecondNumber, "x"));
        AssertValid(request, TemplateCatalog.Empty);
    }

    [Fact]
    public void WithoutTemplateOnlyTheFirstClientsParamsAreCounted()
    {
        var request = JsonRequest("""{"a":"{{1}}"}""", Recipient(FirstNumber, "x"), Recipient(SecondNumber));
        AssertValid(request, TemplateCatalog.Empty);
    }

    [Fact]
    public void NamedJsonVariablesCountLikeNumberedOnes()
    {
        var request = JsonRequest("""{"a":"{{name}}","b":"{{ order }}","c":"{{name}}"}""", Recipient(FirstNumber, "x"), Recipient(SecondNumber, "x"));
        AssertFails(request, "Clients[0].Params", ErrorTexts.NotEnoughParams, TemplateCatalog.Empty);
    }

    [Fact]
    public void AccountIdAndNamespaceSubstitutionsAreNotVariables()
    {
        var request = JsonRequest("""{"to":"<accountID>","namespace":"<namespace>"}""", Recipient(FirstNumber), Recipient(SecondNumber));
        AssertValid(request, TemplateCatalog.Empty);
    }

    [Fact]
    public void EmptyJsonIsFilledFromTheTemplatesComposeBeforeCountingVariables()
    {
        // order_confirmation's compose has {{1}} and {{2}}; the first client brings one param.
        var request = TemplateRequest();
        request.Clients[0].Params = ["John"];
        AssertFails(request, "Clients[0].Params", ErrorTexts.NotEnoughParams);
    }

    [Fact]
    public void BlankJsonIsFilledFromTheTemplatesComposeBeforeCountingVariables()
    {
        var request = TemplateRequest();
        request.Json = "   ";
        request.Clients[0].Params = [];
        AssertFails(request, "Clients[0].Params", ErrorTexts.NotEnoughParams);
    }

    [Fact]
    public void GivenJsonOverridesTheTemplatesComposeForCountingVariables()
    {
        // The vendor's JSON has no variables, so rule 6 passes and rule 7 (the template's own count) answers.
        var request = TemplateRequest();
        request.Json = VendorJson;
        request.Clients[0].Params = ["John"];
        AssertFails(request, "Clients[0].Params", ErrorTexts.ParamsForAllVariables);
    }

    [Fact]
    public void EffectiveJsonIsTheRequestsOwnJsonWhenGiven()
    {
        var request = TemplateRequest();
        request.Json = VendorJson;
        Assert.Equal(VendorJson, CreateCampaignRequestValidator.EffectiveJson(request, Catalog()));
    }

    [Fact]
    public void EffectiveJsonIsTheTemplatesComposeWhenJsonIsEmpty()
    {
        Assert.Equal(OrderConfirmation().Compose, CreateCampaignRequestValidator.EffectiveJson(TemplateRequest(), Catalog()));
    }

    [Fact]
    public void EffectiveJsonIsEmptyWithNeitherJsonNorTemplate()
    {
        Assert.Equal("", CreateCampaignRequestValidator.EffectiveJson(new CreateCampaignRequest(), Catalog()));
    }

    // Rule 7
    [Fact]
    public void ClientWithTooManyTemplateParamsReturnsParamsForAllVariablesError()
    {
        var request = TemplateRequest();
        request.Clients[1].Params = ["Jane", "ORD-12346", "extra"];
        AssertFails(request, "Clients[1].Params", ErrorTexts.ParamsForAllVariables);
    }

    [Fact]
    public void ClientWithTooFewTemplateParamsReturnsParamsForAllVariablesError()
    {
        var request = TemplateRequest();
        request.Clients[1].Params = ["Jane"];
        AssertFails(request, "Clients[1].Params", ErrorTexts.ParamsForAllVariables);
    }

    [Fact]
    public void FirstClientWithTooManyTemplateParamsReturnsParamsForAllVariablesError()
    {
        var request = TemplateRequest();
        request.Clients[0].Params = ["John", "ORD-12345", "extra"];
        AssertFails(request, "Clients[0].Params", ErrorTexts.ParamsForAllVariables);
    }

    [Fact]
    public void EmptyStringParamsCountAsParams()
    {
        var request = TemplateRequest();
        request.Clients[1].Params = ["", ""];
        AssertValid(request);
    }

    [Fact]
    public void TemplateWithoutVariablesRequiresClientsWithNoParams()
    {
        var hello = Template("22222222-2222-2222-2222-222222222222", "hello", "en_US",
            new TemplateComponent { Type = ComponentType.Body, Text = "Hello there" });
        var request = TemplateRequest();
        request.TempMsgId = hello.Id;
        request.Clients = [Recipient(FirstNumber), Recipient(SecondNumber, "unexpected")];
        AssertFails(request, "Clients[1].Params", ErrorTexts.ParamsForAllVariables, Catalog(hello));
    }

    [Fact]
    public void TemplateListedWithoutVariablesCountsThoseOfItsCompose()
    {
        var bare = OrderConfirmation();
        bare.Variables = [];
        Assert.Equal(2, CreateCampaignRequestValidator.VariableCount(bare));
        var request = TemplateRequest();
        request.Json = VendorJson;
        request.Clients[1].Params = ["Jane"];
        AssertFails(request, "Clients[1].Params", ErrorTexts.ParamsForAllVariables, new TemplateCatalog([bare]));
    }

    [Fact]
    public void TemplateListedWithNeitherVariablesNorComposeCountsThoseOfItsComponents()
    {
        // The vendor's Go structs: no Variables, and a Compose struct that reads as no string.
        var bare = OrderConfirmation();
        (bare.Variables, bare.Compose) = ([], "");

        Assert.Equal(2, CreateCampaignRequestValidator.VariableCount(bare));
        Assert.Equal(["Body {{1}}", "Body {{2}}"], bare.EffectiveVariables.Select(v => v.Label));
        AssertValid(TemplateRequest(), new TemplateCatalog([bare]));
    }

    [Fact]
    public void MediaHeaderTemplateCountsItsLinkAsAParam()
    {
        var promo = Template("33333333-3333-3333-3333-333333333333", "promo", "en_US",
            new TemplateComponent { Type = ComponentType.Header, Format = HeaderFormat.Image },
            new TemplateComponent { Type = ComponentType.Body, Text = "Hi {{1}}" });
        var request = TemplateRequest();
        request.TempMsgId = promo.Id;
        request.Clients = [Recipient(FirstNumber, "https://example.com/image1.png", ""), Recipient(SecondNumber, "https://example.com/image2.png")];
        AssertFails(request, "Clients[1].Params", ErrorTexts.ParamsForAllVariables, Catalog(promo));
    }

    // Rule 8
    [Theory]
    [InlineData("2025-03-03T14:32:25+03:00")]
    [InlineData("2025-03-04T11:31:25.000Z")]
    [InlineData("2025-03-04T11:31:25Z")]
    [InlineData("2025-03-04T11:31:25-05:00")]
    [InlineData("")]
    public void SendAtWithOffsetOrAbsentPasses(string sendAt)
    {
        var request = TemplateRequest();
        request.SendAt = sendAt;
        AssertValid(request);
    }

    [Theory]
    [InlineData("2025-03-03T14:32:25")]
    [InlineData("2025-03-03")]
    [InlineData("next tuesday")]
    [InlineData("2025-02-30T10:00:00Z")]
    [InlineData(" ")]
    public void SendAtWithoutOffsetOrUnreadableReturnsSendAtFormatError(string sendAt)
    {
        var request = TemplateRequest();
        request.SendAt = sendAt;
        AssertFails(request, "SendAt", ErrorTexts.SendAtFormat);
    }

    // Rule 9
    [Fact]
    public void InvalidAccountIdReturnsInvalidAccountIdErrorQuotingTheValue()
    {
        var request = TemplateRequest();
        request.Clients[1].AccountId = "12345abc";
        AssertFails(request, "Clients[1].AccountID", "invalid request: invalid accountID \"12345abc\"");
    }

    [Fact]
    public void EmptyAccountIdReturnsInvalidAccountIdError()
    {
        var request = TemplateRequest();
        request.Clients[0].AccountId = "";
        AssertFails(request, "Clients[0].AccountID", "invalid request: invalid accountID \"\"");
    }

    [Fact]
    public void NumberThatIsNotAPhoneNumberReturnsInvalidAccountIdError()
    {
        var request = TemplateRequest();
        request.Clients[1].AccountId = "+966 12";
        AssertFails(request, "Clients[1].AccountID", "invalid request: invalid accountID \"+966 12\"");
    }

    [Fact]
    public void SameNumberWrittenDifferentlyReturnsDuplicateAccountIdErrorQuotingTheSecond()
    {
        var request = TemplateRequest();
        request.Clients[1].AccountId = "+966 53 907 8942";
        AssertFails(request, "Clients[1].AccountID", "invalid request: duplicate accountID \"+966 53 907 8942\"");
    }

    [Fact]
    public void LocalNumberDuplicatesItsInternationalForm()
    {
        var request = TemplateRequest();
        request.Clients[1].AccountId = "0539078942";
        AssertFails(request, "Clients[1].AccountID", "invalid request: duplicate accountID \"0539078942\"");
    }

    [Fact]
    public void ValidatorLeavesTheClientsE164NumbersInClientOrder()
    {
        var request = TemplateRequest();
        request.Clients[0].AccountId = "+966 53 907 8942";
        request.Clients[1].AccountId = "050 123 4567";
        var context = new ValidationContext<CreateCampaignRequest>(request);

        var result = new CreateCampaignRequestValidator(Catalog()).Validate(context);

        Assert.True(result.IsValid);
        var normalized = Assert.IsType<string?[]>(context.RootContextData[CreateCampaignRequestValidator.NormalizedAccountIdsKey]);
        Assert.Equal(["+966539078942", "+966501234567"], normalized.Select(n => n ?? "(null)"));
    }

    [Fact]
    public void ValidatorLeavesNullForAnInvalidNumber()
    {
        var request = TemplateRequest();
        request.Clients[1].AccountId = "not a phone";
        var context = new ValidationContext<CreateCampaignRequest>(request);

        new CreateCampaignRequestValidator(Catalog()).Validate(context);

        var normalized = Assert.IsType<string?[]>(context.RootContextData[CreateCampaignRequestValidator.NormalizedAccountIdsKey]);
        Assert.Equal(["+966539078942", "(null)"], normalized.Select(n => n ?? "(null)"));
    }

    [Fact]
    public void DefaultRegionDecidesHowLocalNumbersAreRead()
    {
        var request = TemplateRequest();
        request.Clients = [Recipient("(415) 555-2671", "a", "b"), Recipient("+1 415 555 2671", "a", "b")];
        var validator = new CreateCampaignRequestValidator(Catalog(), CampaignRuleOptions.Api with { DefaultRegion = "US" });

        var failure = Assert.Single(validator.Validate(request).Errors);

        Assert.Equal("invalid request: duplicate accountID \"+1 415 555 2671\"", failure.ErrorMessage);
    }

    [Fact]
    public void ApiModeReportsOnlyTheFirstBadAccountId()
    {
        var request = TemplateRequest();
        request.Clients = [Recipient("bad-1", "a", "b"), Recipient("bad-2", "a", "b"), Recipient("bad-3", "a", "b")];
        AssertFails(request, "Clients[0].AccountID", "invalid request: invalid accountID \"bad-1\"");
    }

    [Fact]
    public void ApiModeReportsOnlyTheFirstClientWithWrongParams()
    {
        var request = TemplateRequest();
        request.Clients.Add(Recipient("+966551234567", "x"));
        request.Clients.Add(Recipient("+966561234567"));
        AssertFails(request, "Clients[2].Params", ErrorTexts.ParamsForAllVariables);
    }
}
