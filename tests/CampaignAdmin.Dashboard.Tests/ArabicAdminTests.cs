using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Admin;
using CampaignAdmin.Dashboard.Components.Approvals;
using CampaignAdmin.Dashboard.Components.Audit;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CampaignAdmin.Dashboard.Tests.Support.Cultures;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The sign-in pages, Users, Approvals and the audit log in Arabic; what the server or the API says stays English.</summary>
public sealed partial class ArabicAdminTests : BuilderTestBase
{
    private static readonly DraftContent Order = new()
    {
        Name = "Order follow-up", TemplateId = TestTemplates.OrderConfirmationId, Message = "Thank you for your order, {{1}}! Your order number is {{2}}.",
        Region = "SA", Rows = [["+966539078942", "John", "ORD-1"], ["0539078944", "Sara", "ORD-2"]],
    };

    [Fact]
    public async Task TheSignInPageIsArabicRightToLeftWithASwitchBackToEnglishOnThisPage()
    {
        await using var host = await ProductHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in?returnUrl=%2Fcampaigns%2F7");
        request.Headers.AcceptLanguage.ParseAdd("ar-SA");
        using var response = await host.Http.SendAsync(request);
        // Static rendering writes Arabic as character references.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("mud-application-layout-rtl", html);
        Assert.Contains(">تسجيل الدخول</h1>", html);
        Assert.Contains(">البريد الإلكتروني</label>", html);
        Assert.Contains(">كلمة المرور</label>", html);
        Assert.Contains("<span class=\"mud-button-label\">تسجيل الدخول</span>", html);
        Assert.Contains("حملات واتساب لفريقك · للموظفين فقط", html);
        var link = SwitchLink().Match(html);
        Assert.True(link.Success, "no language switch link");
        Assert.Equal("culture/en?returnUrl=%2Faccount%2Fsign-in%3FreturnUrl%3D%252Fcampaigns%252F7", link.Groups[1].Value);
        Assert.Equal("English", link.Groups[2].Value);
    }

    [Fact]
    public async Task AWrongPasswordIsSaidInArabicAndAuditedInEnglish()
    {
        await using var host = await ProductHost.StartAsync();
        using var page = await SendAsync(host, new HttpRequestMessage(HttpMethod.Get, "/account/sign-in"));
        var form = await page.Content.ReadAsStringAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenInput().Match(form).Groups[1].Value),
                ["Input.Email"] = "admin@test", ["Input.Password"] = "not-the-password",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var answer = await SendAsync(host, post);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة.", html);
        var log = host.App.Services.GetRequiredService<IAuditLog>();
        var entry = (await log.QueryAsync(new AuditQuery(null, AuditActions.SignInFailed, null, null, null), 0, 10)).Items.Single();
        Assert.Equal("Wrong email or password.", entry.Details);
    }

    [Fact]
    public async Task TheUsersPageInArabicNamesRolesAndStatesAndDatesInArabic()
    {
        var created = new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.Zero);
        await using var server = await new ServerHarness(services: s => s.AddSingleton<TimeProvider>(new Clock(created))).StartAsync();
        await using var scope = server.As(DashboardRoles.Admin);
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<UserAdmin>());
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "id-Admin"));

        InArabic(() =>
        {
            var page = Render<Users>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=user-status]")));

            Assert.Equal("المستخدمون", page.Find("h1").TextContent.Trim());
            Assert.Equal("مستخدم جديد", page.Find("[data-testid=new-user]").TextContent.Trim());
            Assert.Equal(["البريد الإلكتروني", "الدور", "الحالة", "تاريخ الإنشاء (Asia/Riyadh)", "الإجراءات"],
                page.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList());
            Assert.Equal("نشط", page.Find("[data-testid=user-status]").TextContent.Trim());
            Assert.Equal("مسؤول", page.Find("input[data-testid=role-select]").GetAttribute("value"));
            Assert.Equal("تعيين كلمة المرور", page.Find("[data-testid=set-password]").TextContent.Trim());
            // Day first, Arabic month name, the 24-hour clock, in the viewer's zone.
            Assert.Equal("1 مارس 2025, 11:30", page.Find("td[data-label='تاريخ الإنشاء']").TextContent.Trim());
            // The e-mail (an ID) stays as it is.
            Assert.StartsWith("admin@test", page.Find("td[data-label='البريد الإلكتروني']").TextContent.Trim());
        });
    }

    [Fact]
    public void TheApprovalsPageInArabicKeepsNamesAndTemplateIdsAndSaysTheDateInArabic() => InArabic(() =>
    {
        var id = Submitted();
        SignInWithId(DashboardRoles.Approver, "id-checker");
        var page = Render<ApprovalsPage>();

        page.WaitForAssertion(() => page.Find($"tr[data-draft='{id}']"));
        Assert.Equal("الموافقات", page.Find("h1").TextContent.Trim());
        Assert.Equal(["الحملة", "أعدّها", "تاريخ الإرسال للموافقة (Asia/Riyadh)", "المستلمون", "القالب", "الحالة"],
            page.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList());
        Assert.Equal(["Order follow-up", "maker@test", "1 مارس 2025, 11:30", "2", "order_confirmation", "بانتظار الموافقة"],
            page.FindAll($"tr[data-draft='{id}'] td").Select(td => td.TextContent.Trim()).ToList());
    });

    [Fact]
    public void AViewerIsRefusedInArabic() => InArabic(() =>
    {
        Submitted();
        SignInAs(DashboardRoles.Viewer);
        var page = Render<ApprovalsPage>();

        page.WaitForAssertion(() => Assert.Equal("تعذّر تحميل الموافقات: الموافقة على الحملات: يلزم دور معتمِد أو مسؤول، ودورك مشاهد.",
            page.Find("[data-testid=approvals-error]").TextContent.Trim()));
    });

    [Fact]
    public void TheReviewIsArabicAndTheApisErrorStaysEnglish() => InArabic(() =>
    {
        var id = Submitted();
        Drafts.All.Single(d => d.Id == id).ApprovalError = "invalid request: tempMsgId is not an approved template";
        SignInWithId(DashboardRoles.Approver, "id-checker");
        RenderProviders();
        var page = Render<ApprovalReview>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("اجتاز كل بند من بنود الفحص المسبق.", page.Find("[data-testid=preflight-passed]").TextContent.Trim()));
        Assert.Equal("الموافقة على \"Order follow-up\"", page.Find("h1").TextContent.Trim());
        Assert.Equal("لم تُنشئ آخر موافقة الحملة: invalid request: tempMsgId is not an approved template",
            page.Find("[data-testid=approval-error]").TextContent.Trim());
        Assert.Equal("الموافقة والإنشاء", page.Find("[data-testid=approve]").TextContent.Trim());
        Assert.Equal("رفض", page.Find("[data-testid=reject]").TextContent.Trim());

        page.Find("[data-testid=reject]").Click();
        page.WaitForAssertion(() => Assert.Equal("اذكر سبب الرفض: سيقرأ مُعِدّ الحملة الملاحظة.", page.Find("[data-testid=review-error]").TextContent.Trim()));
    });

    [Fact]
    public void TheAuditTableInArabicNamesActionsAndColumnsButKeepsTheStoredDetails() => InArabic(() =>
    {
        Audit.Entries.Add(new AuditEntry
        {
            Id = 1, AtUtc = new DateTime(2025, 3, 1, 9, 5, 42, DateTimeKind.Utc), UserEmail = "sara@test", Action = AuditActions.SignInFailed,
            Outcome = AuditOutcomes.Refused, Details = "Wrong email or password.", IpAddress = "10.0.0.7",
        });
        var table = Render<AuditTable>(p => p.Add(x => x.ShowFilters, true));
        table.WaitForAssertion(() => Assert.Single(table.FindAll("[data-testid=audit-grid] tbody tr")));

        Assert.Equal(["الوقت (Asia/Riyadh)", "المستخدم", "الإجراء", "الحملة", "التفاصيل", "العنوان"],
            table.FindAll("[data-testid=audit-grid] thead th").Select(th => th.TextContent.Trim()).ToList());
        var row = table.Find("[data-testid=audit-grid] tbody tr");
        Assert.Equal("1 مارس 2025, 12:05", row.QuerySelector("td.nowrap span[title]")!.TextContent);
        Assert.Equal("فشل تسجيل الدخول (مرفوض)", row.QuerySelector("td[data-label='الإجراء']")!.TextContent.Trim());
        Assert.Equal("Wrong email or password.", row.QuerySelector(".audit-details")!.TextContent);
        Assert.Equal("10.0.0.7", row.QuerySelector("td[data-label='العنوان']")!.TextContent);
    });

    private Guid Submitted()
    {
        var id = Drafts.Add(Order, owner: "maker@test");
        var draft = Drafts.All.Single(d => d.Id == id);
        (draft.OwnerId, draft.SubmittedById, draft.SubmittedByEmail, draft.State, draft.SubmittedAtUtc) =
            ("id-maker", "id-maker", "maker@test", DraftState.AwaitingApproval, new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc));
        return id;
    }

    private void SignInWithId(string role, string id)
    {
        SignInAs(role);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
    }

    private static Task<HttpResponseMessage> SendAsync(ProductHost host, HttpRequestMessage request)
    {
        request.Headers.AcceptLanguage.ParseAdd("ar");
        return host.Http.SendAsync(request);
    }


    [GeneratedRegex("<a class=\"language-switch\"[^>]*href=\"([^\"]+)\"[^>]*>([^<]*)</a>")]
    private static partial Regex SwitchLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
