using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Contracts.Tests.Validation;

public class CreateTemplateRequestValidatorTests
{
    private static CreateTemplateRequest Valid() => new()
    {
        Name = "order_confirmation",
        Category = "UTILITY",
        Language = "en_US",
        Creation = [new TemplateComponent { Type = ComponentType.Body, Text = "Thank you, {{1}}" }],
    };

    private static string? FirstError(CreateTemplateRequest request) =>
        new CreateTemplateRequestValidator().Validate(request).Errors.SingleOrDefault()?.ErrorMessage;

    [Fact]
    public void ValidTemplatePasses() => Assert.Null(FirstError(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("Order")]
    [InlineData("order-confirmation")]
    [InlineData("order confirmation")]
    public void NameMustBeLowerCaseDigitsOrUnderscores(string name)
    {
        var request = Valid();
        request.Name = name;
        Assert.Equal(CreateTemplateRequestValidator.NameRule, FirstError(request));
    }

    [Theory]
    [InlineData("marketing", null)]
    [InlineData("AUTHENTICATION", null)]
    [InlineData("PROMO", CreateTemplateRequestValidator.CategoryRule)]
    public void CategoryIsOneOfTheThreeInAnyCase(string category, string? expected)
    {
        var request = Valid();
        request.Category = category;
        Assert.Equal(expected, FirstError(request));
    }

    [Theory]
    [InlineData("ar", null)]
    [InlineData("pt_BR", null)]
    [InlineData("english", CreateTemplateRequestValidator.LanguageRule)]
    [InlineData("", CreateTemplateRequestValidator.LanguageRule)]
    public void LanguageIsACode(string language, string? expected)
    {
        var request = Valid();
        request.Language = language;
        Assert.Equal(expected, FirstError(request));
    }

    [Fact]
    public void UnknownComponentTypeIsRejected()
    {
        var request = Valid();
        request.Creation.Add(new TemplateComponent { Type = "CAROUSEL" });
        Assert.Equal(CreateTemplateRequestValidator.ComponentRule, FirstError(request));
    }

    [Fact]
    public void TemplateWithoutBodyTextIsRejected()
    {
        var request = Valid();
        request.Creation = [new TemplateComponent { Type = ComponentType.Body, Text = " " }];
        Assert.Equal(CreateTemplateRequestValidator.BodyRule, FirstError(request));
    }

    [Fact]
    public void TemplateWithTwoBodiesIsRejected()
    {
        var request = Valid();
        request.Creation.Add(new TemplateComponent { Type = "body", Text = "again" });
        Assert.Equal(CreateTemplateRequestValidator.BodyRule, FirstError(request));
    }

    [Theory]
    [InlineData(1000, 1024, null)]
    [InlineData(1001, 1, CreateTemplateRequestValidator.HintsRule)]
    [InlineData(1, 1025, CreateTemplateRequestValidator.HintsRule)]
    public void LabelsAndExamplesAreBoundedInCountAndLength(int count, int length, string? expected)
    {
        var labels = Valid();
        labels.Creation[0].Labels = Enumerable.Repeat(new string('l', length), count).ToList();
        var examples = Valid();
        examples.Creation[0].Examples = Enumerable.Repeat(new string('e', length), count).ToList();

        Assert.Equal((expected, expected), (FirstError(labels), FirstError(examples)));
    }
}

/// <summary>T6's cap: at most 1,000 variables (slots) in a template, after the component rules.</summary>
public class CreateTemplateVariableLimitTests
{
    private static CreateTemplateRequest WithBody(string text, params TemplateComponent[] more) => new()
    {
        Name = "many", Category = "UTILITY", Language = "en_US",
        Creation = [new TemplateComponent { Type = ComponentType.Body, Text = text }, .. more],
    };

    private static string? FirstError(CreateTemplateRequest request) =>
        new CreateTemplateRequestValidator().Validate(request).Errors.SingleOrDefault()?.ErrorMessage;

    [Fact]
    public void AThousandVariablesPassAndOneMoreIsRefused()
    {
        Assert.Null(FirstError(WithBody(Templates.VariablesScaleTests.Tokens(1000))));
        Assert.Equal(CreateTemplateRequestValidator.VariablesRule, FirstError(WithBody(Templates.VariablesScaleTests.Tokens(999),
            new TemplateComponent { Type = ComponentType.Header, Format = "IMAGE" },
            new TemplateComponent { Type = ComponentType.Buttons, Buttons = [new TemplateButton { Type = "COPY_CODE" }] })));
    }

    [Fact]
    public async Task FortyThousandBodyVariablesAreRefusedAtOnce()
    {
        var request = WithBody(Templates.VariablesScaleTests.Tokens(40_000));

        Assert.Equal(CreateTemplateRequestValidator.VariablesRule, await Task.Run(() => FirstError(request)).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void TheComponentRulesComeFirst()
    {
        var request = WithBody(Templates.VariablesScaleTests.Tokens(2000), new TemplateComponent { Type = "CAROUSEL" });

        Assert.Equal(CreateTemplateRequestValidator.ComponentRule, FirstError(request));
    }
}
