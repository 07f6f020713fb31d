using System.Globalization;
using System.Net;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Text;
using CampaignAdmin.Dashboard.Time;
using CampaignAdmin.Dashboard.Tests.Support;
using static CampaignAdmin.Dashboard.Tests.Support.Cultures;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The campaign page, the campaign list and the drafts list in Arabic; the API's words and the wire's stay as they came.</summary>
public sealed class ArabicCampaignPagesTests : DashboardTestContext
{
    private const string FailedNumber = "+966539070000";
    private const string FailedKey = "0123456789ABCDEF0123456789ABCD";

    private void Seed()
    {
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, TemplateName = "order_confirmation", Lang = "ar",
            Total = 1234, SentCount = 1200, DeliveredCount = 1100, FailedCount = 34,
            SendAt = "2025-03-10T09:00:00+03:00", CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
        Api.Messages.Add(new CampaignMessage { MessageKey = "A" + FailedKey[1..], CampaignId = 5, AccountId = "+966539078942", Params = ["محمد", "ORD-1"], Status = "DELIVERED", Attempts = 1 });
        Api.Messages.Add(new CampaignMessage
        {
            MessageKey = FailedKey, CampaignId = 5, AccountId = FailedNumber, Params = ["Sara", "ORD-2"], Status = "FAILED",
            ErrorCode = 131026, Error = "Message undeliverable", Attempts = 1,
        });
    }

    private IRenderedComponent<CampaignDetail> OpenCampaign()
    {
        Seed();
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=messages-grid] tbody tr").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement FailedRow(IRenderedComponent<CampaignDetail> page) =>
        page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains(FailedNumber, StringComparison.Ordinal));

    [Fact]
    public void TheCampaignPageSaysItsHeadingStatsAndMessagesInArabic() => InArabic(() =>
    {
        var page = OpenCampaign();

        Assert.Equal("Spring sale", page.Find("[data-testid=campaign-name-heading]").TextContent);
        Assert.Equal("تعديل", page.Find("[data-testid=edit-campaign]").TextContent.Trim());
        Assert.Equal("حذف", page.Find("[data-testid=delete-campaign]").TextContent.Trim());
        Assert.Equal("إنشاء نسخة", page.Find("[data-testid=duplicate-campaign]").TextContent.Trim());
        Assert.Equal("لا يمكن تعديل إلا الحملات المجدولة؛ وحالة هذه الحملة: completed.", page.Find("[data-testid=edit-disabled-reason]").TextContent);
        Assert.Equal("الأوقات بتوقيت Asia/Riyadh (UTC+03:00).", page.Find("[data-testid=times-in]").TextContent);
        // Created an hour before the test's now; sends in 8 days 21 hours, said in Arabic.
        Assert.Contains("منذ 1 س", page.Markup);
        Assert.Contains("بعد 8 أيام 21 س", page.Markup);

        var total = page.Find("[data-testid=stat-total]");
        Assert.Equal("الإجمالي", total.QuerySelector(".mud-typography-caption")!.TextContent);
        Assert.Equal(1234.ToString("N0", CultureInfo.GetCultureInfo("ar")), total.QuerySelector(".value")!.TextContent);
        Assert.Equal("1٬234", total.QuerySelector(".value")!.TextContent);
        Assert.Equal("الفاشلة", page.Find("[data-testid=stat-failed] .mud-typography-caption").TextContent);

        Assert.Equal("الرسائل", page.Find("[data-testid=messages-grid]").ParentElement!.QuerySelector("h2")!.TextContent);
        Assert.Equal(["رقم الحساب", "القيم", "الحالة", "الخطأ", "المحاولات", "آخر تحديث (Asia/Riyadh)", "الإجراءات"],
            page.FindAll("[data-testid=messages-grid] th").Select(th => th.TextContent));
        var row = FailedRow(page);
        Assert.Equal("الحالة", row.Children[2].GetAttribute("data-label"));
        // A number reads left to right on an Arabic page: "+966…", not "…966+".
        Assert.Equal(FailedNumber, row.Children[0].QuerySelector("span[dir=ltr]")!.TextContent);
        // The wire's status and the provider's error text stay as the API said them; what the code means is Arabic.
        Assert.NotNull(row.QuerySelector("[data-status=FAILED]"));
        Assert.Equal("131026 Message undeliverable", row.Children[3].QuerySelector(".mud-typography")!.TextContent.Trim());
        Assert.StartsWith("تعذّر التسليم: الرقم غير مسجّل في واتساب", row.QuerySelector("[data-testid=error-explanation]")!.TextContent);
        var resend = page.Find($"button[aria-label='إعادة الإرسال إلى {FailedNumber}']");
        Assert.Equal("إعادة الإرسال", resend.TextContent.Trim());
        Assert.Equal("إعادة إرسال كل الفاشلة (34)", page.Find("[data-testid=resend-all]").TextContent.Trim());
        Assert.Equal("تصدير CSV", page.Find("[data-testid=export-csv]").TextContent.Trim());
    });

    [Fact]
    public void AResendTheServerRefusesIsSaidInArabicAroundTheServersOwnEnglishRule() => InArabic(() =>
    {
        Api.OnResend = async _ => throw await FakeCampaignApi.Error(HttpStatusCode.BadRequest, "invalid request: MessageKey is not FAILED");
        var page = OpenCampaign();

        page.Find($"button[aria-label='إعادة الإرسال إلى {FailedNumber}']").ClickSettled();

        Snackbars.WaitForAssertion(() => Assert.Contains($"فشلت إعادة الإرسال إلى {FailedNumber}.", Snackbars.Markup));
        Assert.Contains("invalid request: MessageKey is not FAILED", Snackbars.Markup);
    });

    [Fact]
    public void ResendAllAsksAndSumsUpInArabicWhileItsAuditEntryStaysEnglish() => InArabic(() =>
    {
        var page = OpenCampaign();

        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=resend-all-count]"));
        Assert.Equal("سيُعاد إرسال رسالة فاشلة واحدة، واحدة تلو الأخرى.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Assert.Contains("إعادة إرسال كل الرسائل الفاشلة؟", Dialogs.Markup);
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("أُعيد إرسال 1 من أصل 1 من الرسائل الفاشلة.",
            page.Find("[data-testid=resend-all-summary] .mud-alert-message").TextContent.Trim()));
        Assert.Equal("Resent 1 of 1 failed message.", Assert.Single(Audit.Entries, e => e.Action == CampaignAdmin.Dashboard.Audit.AuditActions.ResendAllFailed).Details);
    });

    [Fact]
    public void TheFollowUpDialogNamesItsCohortsAndCountsInArabic() => InArabic(() =>
    {
        var page = OpenCampaign();

        page.Find("[data-testid=follow-up-campaign]").ClickSettled();

        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=follow-up-confirm]"));
        Assert.Contains("متابعة Spring sale", Dialogs.Markup);
        Assert.Contains("فشلت نهائيًا", Dialogs.Markup);
        Assert.Equal("مستلم واحد", Dialogs.Find("[data-testid=cohort-count-FailedForGood]").TextContent);
        Assert.Equal("0 مستلمًا", Dialogs.Find("[data-testid=cohort-count-FailedRetryable]").TextContent);
        Assert.Equal("إنشاء مسودة لـ مستلم واحد", Dialogs.Find("[data-testid=follow-up-confirm]").TextContent.Trim());
    });

    [Fact]
    public void TheDeleteDialogAsksInArabic() => InArabic(() =>
    {
        var page = OpenCampaign();

        page.Find("[data-testid=delete-campaign]").ClickSettled();

        Dialogs.WaitForAssertion(() => Assert.Contains("حذف Spring sale؟", Dialogs.Markup));
        Assert.Equal("حذف الحملة", Dialogs.Find("[data-testid=delete-confirm]").TextContent.Trim());
        Assert.Contains("اسم الحملة للتأكيد", Dialogs.Markup);
        Assert.Contains("أُرسلت رسائل بالفعل (1٬200). اكتب اسم الحملة للتأكيد.", Dialogs.Markup);
    });

    [Fact]
    public void TheCampaignListNamesItsColumnsAndRowActionsInArabic() => InArabic(() =>
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 2, Name = "Winter promo", Status = CampaignStatus.Scheduled, TemplateName = "discount_code", Total = 3, SendAt = "2025-03-10T09:00:00+03:00", CreatedAt = "2025-03-01T08:00:00Z" });
        Api.Campaigns.Add(new CampaignResponse { Id = 1, Name = "Spring sale", Status = CampaignStatus.Completed, TemplateName = "order_confirmation", Total = 4, SentCount = 3, DeliveredCount = 2, FailedCount = 1, CreatedAt = "2025-02-01T08:00:00Z" });
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=campaigns-grid] tbody tr").Count));

        Assert.Equal(["الاسم", "القالب", "الحالة", "وقت الإرسال (Asia/Riyadh)", "التقدّم", "المقروءة", "تاريخ الإنشاء (Asia/Riyadh)", "الإجراءات"],
            page.FindAll("[data-testid=campaigns-grid] thead th").Select(th => th.TextContent));
        var scheduled = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Winter promo", StringComparison.Ordinal));
        Assert.NotNull(scheduled.QuerySelector("[data-status=scheduled]"));
        Assert.Contains("بعد 8 أيام 21 س", scheduled.TextContent);
        Assert.False(page.Find("button[aria-label='تعديل Winter promo']").HasAttribute("disabled"));
        Assert.NotNull(page.Find("a[aria-label='فتح Winter promo']"));
        Assert.NotNull(page.Find("button[aria-label='حذف Winter promo']"));
        var completed = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Spring sale", StringComparison.Ordinal));
        Assert.Contains("أُرسلت 3 · سُلّمت 2 · فشلت 1 من 4", completed.TextContent);
        Assert.Equal("1-2 من 2", page.Find("[data-testid=pager-count]").TextContent);
    });

    [Fact]
    public void TheDraftsListIsArabic() => InArabic(() =>
    {
        Drafts.Add(new DraftContent { Name = "", Rows = [["+966539078942", "Sara"], ["+966539078943", "Omar"]] }, owner: "omar@test");
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=drafts-grid] tbody tr")));

        Assert.Equal("المسودات", page.Find("#drafts-heading").TextContent);
        Assert.Equal(["الاسم", "المستلمون", "حفظها", "آخر تغيير (Asia/Riyadh)", "الإجراءات"], page.FindAll("[data-testid=drafts-grid] th").Select(th => th.TextContent));
        Assert.NotNull(page.Find("button[aria-label='حذف المسودة (بلا اسم بعد)']"));
    });

    [Fact]
    public void CountsAndRelativeTimesTakeTheirArabicForms() => InArabic(() =>
    {
        Assert.Equal(["رسالة واحدة", "رسالتان", "5 رسائل", "11 رسالة", "1٬200 رسالة"], Counts.Select(n => Plural.Counted(n, "message")));
        Assert.Equal("منذ 3 س", TimeText.Relative(Now.AddHours(-3), Now));
        Assert.Equal("بعد 5 د", TimeText.Relative(Now.AddMinutes(5), Now));
        Assert.Equal("بعد يومين 3 س", TimeText.Relative(Now.AddDays(2).AddHours(3), Now));
        Assert.Equal("الآن", TimeText.Relative(Now, Now));
        Assert.Equal("تحديث كل 2 ث: لا ترسل واجهة Campaign API هذه تحديثات مباشرة.", LiveTexts.Shown(LiveTexts.Polling(TimeSpan.FromSeconds(2))));
    });

    private static readonly int[] Counts = [1, 2, 5, 11, 1200];

}
