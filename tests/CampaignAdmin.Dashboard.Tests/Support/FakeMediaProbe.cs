using CampaignAdmin.Dashboard.Preflight;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Header media links without the network: every link answers 200 unless a test says otherwise.</summary>
public sealed class FakeMediaProbe : IMediaProbe
{
    public Dictionary<string, LinkAnswer> Answers { get; } = [];
    public List<string> Asked { get; } = [];

    public Task<LinkAnswer> AskAsync(string url, CancellationToken cancellationToken)
    {
        lock (Asked) Asked.Add(url);
        return Task.FromResult(Answers.TryGetValue(url, out var answer) ? answer : new LinkAnswer(url, LinkOutcome.Answers, PreflightTexts.Answered(200)));
    }
}
