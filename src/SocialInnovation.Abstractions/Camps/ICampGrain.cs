using Orleans.Concurrency;
using SocialInnovation.Common;
using SocialInnovation.Invites;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Camps;

/// <summary>One camp: its details, phase, roster, teams and invites. Keyed by the camp id.</summary>
public interface ICampGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    Task<Outcome<CampSnapshot>> Create(CreateCamp command, Guid organizerId, string organizerName);

    /// <summary>Null when the camp has not been created.</summary>
    [Alias("GetSnapshot")]
    Task<CampSnapshot?> GetSnapshot();

    Task<Outcome<CampSnapshot>> ChangePhase(ChangePhase command, string byName);

    Task<Outcome<CampSnapshot>> AddTeam(AddTeam command);

    /// <summary>Adds themes (the winners of the vote on problem statements) to the camp's list; at most <see cref="MaxThemes"/> in all.</summary>
    Task<Outcome<CampSnapshot>> AdoptThemes(AdoptThemes command);

    public const int MaxThemes = 40;

    Task<Outcome<CampMember>> AdmitMember(Guid personId, string name, CampRole role);

    Task<IReadOnlyList<CampMember>> GetMembers();

    Task<Outcome<InviteIssued>> IssueInvite(IssueInvite command, Guid byPersonId);

    /// <summary>
    /// Asks each invite's grain for its uses. Interleaved, so that slow invite grains never hold up the
    /// camp's commands; it only reads.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<InviteSummary>> GetInvites();

    Task<Outcome<InviteSummary>> RevokeInvite(Guid inviteId);
}
