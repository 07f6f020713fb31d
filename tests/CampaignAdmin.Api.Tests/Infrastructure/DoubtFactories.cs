using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>How the first call to the provider goes wrong; every later call is the plain sandbox.</summary>
public enum FirstCall
{
    /// <summary>The sandbox accepts the batch (and records it), then the answer is lost: the customer got it.</summary>
    AcceptedThenLost,
    /// <summary>The call dies before the sandbox sees anything: the customer got nothing.</summary>
    LostBeforeAccepting,
}

/// <summary>The sandbox behind a first call that ends without an answer, so its messages end "outcome unknown".</summary>
public abstract class LostAnswerFactory(FirstCall firstCall) : ApiFactory
{
    private LostAnswerProvider? _provider;

    public int Calls => _provider?.Calls ?? 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMessageProvider>(provider =>
            _provider = new LostAnswerProvider(ActivatorUtilities.CreateInstance<SandboxProvider>(provider), firstCall)));
    }

    /// <summary>Answers look-ups as the sandbox does, from its record of what it accepted.</summary>
    private sealed class LostAnswerProvider(SandboxProvider sandbox, FirstCall firstCall) : IMessageProvider, IProviderLookup
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "lost-answer sandbox";

        public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) > 1) return await sandbox.SendAsync(batch, moment, cancellationToken);
            if (firstCall == FirstCall.AcceptedThenLost) await sandbox.SendAsync(batch, moment, cancellationToken);
            throw new HttpRequestException("connection reset before the answer arrived");
        }

        public Task<IReadOnlyList<LookupResult>> FindAsync(IReadOnlyList<string> messageKeys, CancellationToken cancellationToken) =>
            sandbox.FindAsync(messageKeys, cancellationToken);
    }
}

/// <summary>Accepted then lost; the provider is asked (no receipts, so only the look-up can settle it).</summary>
public sealed class AcceptedThenLostFactory() : LostAnswerFactory(FirstCall.AcceptedThenLost)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:SettleGrace"] = "00:00:00.100",
        ["Sandbox:DeliveredAfter"] = "01:00:00",
        ["Sandbox:ReadAfter"] = "01:00:00",
    };
}

/// <summary>Lost before accepting; the provider is asked.</summary>
public sealed class LostBeforeAcceptingFactory() : LostAnswerFactory(FirstCall.LostBeforeAccepting)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dispatcher:SettleGrace"] = "00:00:00.100" };
}

/// <summary>Accepted then lost, and the provider is not asked: the sandbox's receipts (which carry the key) settle it.</summary>
public sealed class AcceptedThenLostReceiptsFactory() : LostAnswerFactory(FirstCall.AcceptedThenLost)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dispatcher:AskProvider"] = "false" };
}

/// <summary>Accepted then lost, not asked and no receipts: the outcome stays unknown until a person acts.</summary>
public sealed class AcceptedThenLostNoEvidenceFactory() : LostAnswerFactory(FirstCall.AcceptedThenLost)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:AskProvider"] = "false",
        ["Sandbox:DeliveredAfter"] = "01:00:00",
        ["Sandbox:ReadAfter"] = "01:00:00",
    };
}
