namespace SocialInnovation.Camps;

/// <summary>The phases a camp moves through, in order.</summary>
public enum CampPhase
{
    Draft,
    Applications,
    Selection,
    Teams,
    Sprints,
    Pitches,
    Judging,
    Results,
    Archived,
}
