using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Dashboard.Identity.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approvalerror",
                table: "drafts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "reviewedbyemail",
                table: "drafts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "reviewnote",
                table: "drafts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "state",
                table: "drafts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "submittedatutc",
                table: "drafts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submittedbyemail",
                table: "drafts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "submittedbyid",
                table: "drafts",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "draftid",
                table: "auditentries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_drafts_state_submittedatutc",
                table: "drafts",
                columns: new[] { "state", "submittedatutc" });

            migrationBuilder.CreateIndex(
                name: "ix_auditentries_draftid",
                table: "auditentries",
                column: "draftid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_drafts_state_submittedatutc",
                table: "drafts");

            migrationBuilder.DropIndex(
                name: "ix_auditentries_draftid",
                table: "auditentries");

            migrationBuilder.DropColumn(
                name: "approvalerror",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "reviewedbyemail",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "reviewnote",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "state",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "submittedatutc",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "submittedbyemail",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "submittedbyid",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "draftid",
                table: "auditentries");
        }
    }
}
