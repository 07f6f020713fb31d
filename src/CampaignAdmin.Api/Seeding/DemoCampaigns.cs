using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Api.Seeding;

/// <summary>
/// A first run's campaigns, so the dashboard has something to show: they are created through <see cref="CampaignCreator"/>
/// (the rules and the dispatch of <c>POST /create</c>) and sent by the sandbox provider, so their statuses are real ones.
/// Numbers ending 0000 end FAILED (131026); numbers ending 0001 fail first (131049) and succeed when resent.
/// </summary>
internal static class DemoCampaigns
{
    private static readonly string[] Names =
    [
        "Mohammed", "Fatimah", "Abdullah", "Noura", "Khalid", "Sara", "Omar", "Reem", "Faisal", "Layla", "Turki", "Hessa",
        "Saud", "Maha", "Yousef", "Lama", "Nasser", "Dana", "Fahad", "Joud",
    ];

    private static readonly string[] ArabicNames = ["محمد", "فاطمة", "عبدالله", "نورة", "خالد", "سارة", "عمر", "ريم"];

    public static IReadOnlyList<CreateCampaignRequest> For(DateTimeOffset now) =>
    [
        new()
        {
            Name = "Order confirmations",
            TempMsgId = DemoTemplates.OrderConfirmationId,
            // One undeliverable number and one that needs a resend: something to look at on the campaign's page.
            Clients = Clients(12, i => [Names[i], $"ORD-{20451 + i}"], undeliverable: 4, resendable: 9),
        },
        new()
        {
            Name = "Welcome back offer",
            TempMsgId = "5b0e7f7e-1d1f-4c55-9d7b-6a3f4f1c2a01",
            // The header image URL, then the name.
            Clients = Clients(20, i => ["https://example.com/offers/welcome-back.png", Names[i]], undeliverable: null, resendable: 13, first: 100),
        },
        new()
        {
            Name = "شحن الطلبات",
            TempMsgId = "a1d4e3b2-7c8f-4e1a-9b2d-3f6e5d4c3b02",
            Clients = Clients(8, i => [ArabicNames[i], $"ORD-{30871 + i}"], undeliverable: null, resendable: null, first: 200),
        },
        new()
        {
            Name = "Holiday greeting",
            TempMsgId = "f0e1d2c3-b4a5-4968-8776-655443322104",
            Clients = Clients(15, _ => [], undeliverable: null, resendable: null, first: 300),
            SendAt = SendAtFormat.Format(InThreeDaysAtNine(now)),
        },
    ];

    // 09:00 in Riyadh, three days from now: scheduled, so it can still be renamed or rescheduled.
    private static DateTimeOffset InThreeDaysAtNine(DateTimeOffset now)
    {
        var riyadh = TimeSpan.FromHours(3);
        return new DateTimeOffset(now.ToOffset(riyadh).Date.AddDays(3).AddHours(9), riyadh);
    }

    // Valid Saudi mobile numbers (+9665…); the sandbox reads their endings.
    private static List<CampaignClient> Clients(int count, Func<int, List<string>> parameters, int? undeliverable, int? resendable, int first = 0) =>
        Enumerable.Range(0, count).Select(i => new CampaignClient
        {
            AccountId = i == undeliverable ? $"+96650{first + i:D3}0000" : i == resendable ? $"+96650{first + i:D3}0001" : $"+9665{first + i:D4}{4200 + i:D4}",
            Params = parameters(i),
        }).ToList();
}
