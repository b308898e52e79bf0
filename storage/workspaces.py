"""Workspaces the bot left (`bot.ports.workspaces`) and Slack's installations and OAuth
states, which the Slack adapter's stores keep here: a mixin of `SqlRepository`.

Installation rows hold only what the adapter sealed (encrypted); states only a digest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from bot.clubs.model import PostState
from bot.model import CheckpointState, Platform
from storage.models import (
    CheckpointRow,
    ClubPostRow,
    ClubRow,
    DepartedWorkspaceRow,
    IdentityRow,
    InterviewRow,
    OAuthStateRow,
    PersonRow,
    SlackInstallationRow,
)


class WorkspaceStorage:
    if TYPE_CHECKING:
        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...

        def forget_person(self, person_id: int) -> dict[str, int]: ...

        def delete_club(self, club_id: int) -> dict[str, int]: ...

    # --- leaving and coming back ------------------------------------------------------
    def workspace_left(self, platform: Platform, workspace: str, now: datetime,
                       purge_after: datetime) -> dict[str, int]:
        with self._session(write=True) as session:
            if session.get(DepartedWorkspaceRow, (platform, workspace)) is None:
                session.add(DepartedWorkspaceRow(platform=platform, workspace=workspace,
                                                 left_at=now, purge_after=purge_after))
            people = select(IdentityRow.person_id).where(
                IdentityRow.platform == platform, IdentityRow.workspace == workspace)
            interviews = select(InterviewRow.id).where(InterviewRow.person_id.in_(people))
            reminders = session.execute(
                update(CheckpointRow)
                .where(CheckpointRow.platform == platform,
                       CheckpointRow.state == CheckpointState.PENDING,
                       CheckpointRow.interview_id.in_(interviews))
                .values(state=CheckpointState.CANCELLED)
                .execution_options(synchronize_session=False))
            clubs = select(ClubRow.id).where(ClubRow.platform == platform,
                                             ClubRow.workspace == workspace)
            posts = session.execute(
                update(ClubPostRow)
                .where(ClubPostRow.club_id.in_(clubs),
                       ClubPostRow.state == PostState.PENDING)
                .values(state=PostState.CANCELLED)
                .execution_options(synchronize_session=False))
            return {"reminders": reminders.rowcount or 0,  # type: ignore[attr-defined]
                    "club posts": posts.rowcount or 0}  # type: ignore[attr-defined]

    def workspace_back(self, platform: Platform, workspace: str) -> bool:
        with self._session(write=True) as session:
            gone = session.execute(delete(DepartedWorkspaceRow).where(
                DepartedWorkspaceRow.platform == platform,
                DepartedWorkspaceRow.workspace == workspace))
            return bool(gone.rowcount)  # type: ignore[attr-defined]

    def has_left(self, platform: Platform, workspace: str) -> bool:
        with self._session() as session:
            return session.get(DepartedWorkspaceRow, (platform, workspace)) is not None

    def purge_departed(self, now: datetime) -> dict[str, int]:
        counts: dict[str, int] = {"workspaces": 0, "people": 0, "clubs": 0}
        for platform, workspace in self._due_purges(now):
            for club_id in self._clubs_in(platform, workspace):
                counts["clubs"] += self.delete_club(club_id).get("clubs", 0)
            for person_id in self._people_only_in(platform, workspace):
                counts["people"] += self.forget_person(person_id).get("people", 0)
            with self._session(write=True) as session:
                session.execute(delete(DepartedWorkspaceRow).where(
                    DepartedWorkspaceRow.platform == platform,
                    DepartedWorkspaceRow.workspace == workspace))
                if platform is Platform.SLACK:
                    session.execute(delete(SlackInstallationRow).where(
                        SlackInstallationRow.team_id == workspace))
            counts["workspaces"] += 1
        return counts

    def _due_purges(self, now: datetime) -> Iterator[tuple[Platform, str]]:
        with self._session() as session:
            rows = session.execute(select(DepartedWorkspaceRow.platform,
                                          DepartedWorkspaceRow.workspace)
                                   .where(DepartedWorkspaceRow.purge_after <= now)).all()
        return iter([(row.platform, row.workspace) for row in rows])

    def _clubs_in(self, platform: Platform, workspace: str) -> list[int]:
        with self._session() as session:
            return list(session.scalars(select(ClubRow.id).where(
                ClubRow.platform == platform, ClubRow.workspace == workspace)))

    def _people_only_in(self, platform: Platform, workspace: str) -> list[int]:
        """People with an identity there and none anywhere else."""
        here = (IdentityRow.platform == platform) & (IdentityRow.workspace == workspace)
        other = aliased(IdentityRow)
        elsewhere = exists().where(other.person_id == PersonRow.id,
                                   ~((other.platform == platform)
                                     & (other.workspace == workspace)))
        with self._session() as session:
            return list(session.scalars(
                select(PersonRow.id).join(IdentityRow, IdentityRow.person_id == PersonRow.id)
                .where(here, ~elsewhere).distinct()))

    # --- Slack installations and OAuth states (sealed by the adapter) -----------------
    def save_installation(self, team_id: str, enterprise_id: str | None, sealed: str,
                          now: datetime) -> None:
        with self._session(write=True) as session:
            row = session.get(SlackInstallationRow, team_id)
            if row is None:
                session.add(SlackInstallationRow(team_id=team_id, enterprise_id=enterprise_id,
                                                 installed_at=now, sealed=sealed))
            else:
                row.enterprise_id, row.installed_at, row.sealed = enterprise_id, now, sealed

    def sealed_installation(self, team_id: str) -> str | None:
        with self._session() as session:
            row = session.get(SlackInstallationRow, team_id)
            return None if row is None else row.sealed

    def delete_installation(self, team_id: str) -> bool:
        with self._session(write=True) as session:
            gone = session.execute(delete(SlackInstallationRow).where(
                SlackInstallationRow.team_id == team_id))
            return bool(gone.rowcount)  # type: ignore[attr-defined]

    def issue_state(self, state_hash: str, expires_at: datetime) -> None:
        with self._session(write=True) as session:
            session.add(OAuthStateRow(state_hash=state_hash, expires_at=expires_at))

    def consume_state(self, state_hash: str, now: datetime) -> bool:
        """True once for a state issued and not expired; expired ones are swept here."""
        with self._session(write=True) as session:
            session.execute(delete(OAuthStateRow).where(OAuthStateRow.expires_at < now))
            gone = session.execute(delete(OAuthStateRow).where(
                OAuthStateRow.state_hash == state_hash))
            return bool(gone.rowcount)  # type: ignore[attr-defined]
