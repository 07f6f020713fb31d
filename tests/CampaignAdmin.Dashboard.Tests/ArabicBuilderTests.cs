using System.Globalization;
using Bunit;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Tests.Support;
using static CampaignAdmin.Dashboard.Tests.Support.Cultures;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The builder in Arabic: its labels and buttons translated, numbers in the culture's format, the API's rules in English.</summary>
public sealed class ArabicBuilderTests : BuilderTestBase
{
    [Fact]
    public void InArabicTheBuildersMainFlowIsArabic() => InArabic(() =>
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        Assert.Contains("القالب", builder.TemplateField);
        Assert.Contains("القوالب المعتمدة فقط.", builder.TemplateField);
        Assert.Single(builder.Page.FindAll("input[aria-label='الصف 1 رقم الحساب']"));
        Assert.Equal("رقم الحساب", builder.Columns[1]);

        builder.Click("إضافة صف");

        Assert.Equal(2, builder.RowCount);
        Assert.Single(builder.Page.FindAll("input[aria-label='الصف 2 رقم الحساب']"));
        Assert.Equal("عدد المستلمين: 2", builder.Page.Find("[data-testid=recipient-count]").TextContent);
        var choices = builder.Page.FindAll(".mud-radio").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains("إرسال الآن", choices);
        Assert.Contains("جدولة", choices);
        Assert.Equal("إنشاء الحملة", builder.CreateButton.TextContent.Trim());
        Assert.StartsWith("لا يمكن الإنشاء بعد:", builder.Page.Find("[data-testid=create-disabled-reason]").TextContent.Trim(), StringComparison.Ordinal);
    });

    [Fact]
    public void InArabicTheRecipientLimitIsInTheCulturesNumberFormat() => InArabic(() =>
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        var limit = builder.Page.Find("[data-testid=recipient-limit]").TextContent;
        Assert.Equal("الحد الأقصى لمستلمي الحملة: " + 100_000.ToString("N0", CultureInfo.GetCultureInfo("ar")) + ".", limit);
        Assert.Equal("الحد الأقصى لمستلمي الحملة: 100\u066C000.", limit); // the Arabic thousands separator, not ","
    });

    [Fact]
    public void InArabicARuleOfTheApiStaysEnglishUnderItsArabicLabel() => InArabic(() =>
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        builder.Page.Find("input[aria-label='الصف 1 رقم الحساب']").InputSettled("+96653907");
        builder.Page.Find("input[aria-label='الصف 1 رقم الحساب']").FocusOutSettled();

        Assert.Equal(ErrorTexts.InvalidAccountId("+96653907"), builder.ErrorOn("Clients[0].AccountID"));
        Assert.Equal("+96653907 أقصر من أن يكون رقمًا في السعودية.", builder.SentenceOn("Clients[0].AccountID"));
        Assert.StartsWith("القاعدة:", builder.Page.Find("[data-field='Clients[0].AccountID'] .problem-rule").TextContent.Trim(), StringComparison.Ordinal);
    });

    [Fact]
    public void InArabicTheSentenceForPeopleIsArabicAndTheRuleUnderItEnglish() => InArabic(() =>
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");

        builder.SetName("");

        Assert.Equal("أدخل اسمًا للحملة.", builder.SentenceOn("Name"));
        Assert.Equal(ErrorTexts.NameRequired, builder.ErrorOn("Name"));
        Assert.Contains("أدخل اسمًا للحملة — انتقل إلى الاسم", builder.Problems);
    });

    [Fact]
    public void InArabicThePreflightPanelIsArabic() => InArabic(() =>
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        Assert.Equal("افحص قبل الإرسال", builder.Page.Find("[data-testid=preflight-run]").TextContent.Trim());
    });

}
