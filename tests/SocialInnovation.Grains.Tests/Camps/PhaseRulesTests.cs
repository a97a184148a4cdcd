using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Tests.Camps;

/// <summary>The phase rules on their own, over every pair of phases.</summary>
public sealed class PhaseRulesTests
{
    public static TheoryData<CampPhase, CampPhase> AllPairs()
    {
        var pairs = new TheoryData<CampPhase, CampPhase>();
        foreach (var from in Enum.GetValues<CampPhase>())
        foreach (var to in Enum.GetValues<CampPhase>())
            pairs.Add(from, to);
        return pairs;
    }

    [Theory, MemberData(nameof(AllPairs))]
    public void Every_phase_change_is_allowed_or_refused_with_the_right_reason(CampPhase from, CampPhase to)
    {
        var error = PhaseRules.Check(from, to);

        if (from == to)
            AssertRefused(error, "phase.unchanged");
        else if (from == CampPhase.Archived)
            AssertRefused(error, "phase.archived");
        else if (to == from + 1 || to == from - 1 || to == CampPhase.Archived)
            Assert.Null(error);
        else
        {
            AssertRefused(error, "phase.jump");
            Assert.Contains(to.ToString(), error!.Detail);
            foreach (var allowed in PhaseRules.AllowedFrom(from))
                Assert.Contains(allowed.ToString(), error.Detail, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, MemberData(nameof(AllPairs))]
    public void The_allowed_phases_are_exactly_those_the_check_lets_through(CampPhase from, CampPhase to) =>
        Assert.Equal(PhaseRules.Check(from, to) is null, PhaseRules.AllowedFrom(from).Contains(to));

    [Fact]
    public void A_draft_camp_can_only_open_applications_or_be_archived() =>
        Assert.Equal([CampPhase.Applications, CampPhase.Archived], PhaseRules.AllowedFrom(CampPhase.Draft));

    [Fact]
    public void A_camp_showing_results_can_go_back_to_judging_or_be_archived_once() =>
        Assert.Equal([CampPhase.Judging, CampPhase.Archived], PhaseRules.AllowedFrom(CampPhase.Results));

    [Fact]
    public void An_archived_camp_allows_no_phase() => Assert.Empty(PhaseRules.AllowedFrom(CampPhase.Archived));

    private static void AssertRefused(DomainError? error, string code)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }
}
