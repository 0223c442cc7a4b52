// An instance with several network interfaces, as AWS CLI prints it: describe-instances'
// NetworkInterfaces[], and describe-network-interfaces entries sharing one Attachment.InstanceId.
// Each interface keeps its own groups and addresses, named by DeviceIndex (web/eth1) as the
// Terraform and CloudFormation readers name it, or by its id (eni-…).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../../engine/evaluate";
import { permittedFlows } from "../../engine/flows";
import { resolveEndpoint } from "../../engine/resolve";
import type { Design } from "../../model/schema";
import { importCloudFormation, toCloudFormation } from "../cloudformation";
import { importAwsCli } from "./import";

const fixtures = join(__dirname, "../fixtures/two-interfaces");
const read = (name: string) => ({ name, text: readFileSync(join(fixtures, name), "utf8") });
const sgs = read("describe-security-groups.json");
const vpcs = read("describe-vpcs.json");
const instances = read("describe-instances.json");
const enis = read("describe-network-interfaces.json");

function permits(design: Design, from: string, to: string, port: number): boolean {
  return evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol: "tcp",
    port,
  }).permitted;
}

/** The flows of the fixture (the same as Terraform's main.tf), `web` and `db` named as the files allow. */
function expectPerInterface(design: Design, web: string, db: string, eni = "eni-0000000000000b011"): void {
  // eth0 carries "public" only, eth1 "admin" only: never their union.
  expect(permits(design, "0.0.0.0", web, 443)).toBe(true);
  expect(permits(design, "203.0.113.9", `${web}/eth1`, 443)).toBe(false);
  expect(permits(design, "10.0.5.5", `${web}/eth1`, 22)).toBe(true);
  expect(permits(design, "10.0.5.5", web, 22)).toBe(false);
  expect(permits(design, `${web}/eth1`, db, 5432)).toBe(true);
  expect(permits(design, web, db, 5432)).toBe(false);
  expect(permits(design, `${web}/eth0`, db, 5432)).toBe(false);
  // The interface's own id names it too, and its address.
  expect(permits(design, eni, db, 5432)).toBe(true);
  expect(permits(design, "10.0.2.10", db, 5432)).toBe(true);
  expect(permits(design, "10.0.1.10", db, 5432)).toBe(false);
  // The edges end at the interface.
  const edges = permittedFlows(design).map((e) => `${e.from}->${e.to}`);
  const id = (name: string) => resolveEndpoint(design, name);
  expect(edges).toContain(`${id(`${web}/eth1`)}->${id(db)}`);
  expect(edges).not.toContain(`${id(web)}->${id(db)}`);
}

describe("AWS CLI: an instance with two interfaces with different groups", () => {
  it("keeps each interface of describe-instances' NetworkInterfaces with its own groups and addresses", () => {
    const { design, warnings } = importAwsCli([sgs, vpcs, instances]);
    const web = design.resources.find((r) => r.name === "web");
    // describe-instances' SecurityGroups lists both interfaces' groups: eth0 has only its own.
    expect(web?.groupIds).toEqual(["sg-0000000000000a001"]);
    expect(web?.privateIpv4).toBe("10.0.1.10");
    expect(web?.interfaces).toEqual([
      {
        id: "eni-0000000000000b011",
        deviceIndex: 1,
        description: "administration",
        privateIpv4: "10.0.2.10",
        groupIds: ["sg-0000000000000a002"],
      },
    ]);
    expect(warnings.map((w) => w.message)).toEqual([]);
    expectPerInterface(design, "web", "db");
  });

  it("makes describe-network-interfaces entries with one Attachment.InstanceId one instance with several interfaces", () => {
    // The file lists eth1 before eth0; each instance is one node, not one per interface.
    const { design } = importAwsCli([sgs, vpcs, enis]);
    expect(design.resources.map((r) => r.id).sort()).toEqual(["i-0000000000000d001", "i-0000000000000d002"]);
    const web = design.resources.find((r) => r.id === "i-0000000000000d001");
    expect(web?.groupIds).toEqual(["sg-0000000000000a001"]);
    expect(web?.privateIpv4).toBe("10.0.1.10");
    expect(web?.interfaces?.map((i) => [i.id, i.deviceIndex, i.groupIds, i.privateIpv4])).toEqual([
      ["eni-0000000000000b011", 1, ["sg-0000000000000a002"], "10.0.2.10"],
    ]);
    expectPerInterface(design, "i-0000000000000d001", "i-0000000000000d002");
  });

  it("reads both outputs together as the same interfaces, named as describe-instances names the instance", () => {
    const { design } = importAwsCli([sgs, vpcs, instances, enis]);
    expect(design.resources.map((r) => r.name).sort()).toEqual(["db", "web"]);
    expect(design.resources.find((r) => r.name === "web")?.interfaces?.map((i) => i.id)).toEqual([
      "eni-0000000000000b011",
    ]);
    expectPerInterface(design, "web", "db");
  });

  it("comes back from a CloudFormation export with the same interfaces and flows", () => {
    const { design } = importAwsCli([sgs, vpcs, instances]);
    const template = toCloudFormation(design, "yaml");
    expect(template.text).toContain("DeviceIndex");
    // The template names the interface by its logical id: AWS gives the new one another eni- id.
    const back = importCloudFormation(template).design;
    const eth1 = back.resources.find((r) => r.name === "web")?.interfaces?.[0];
    expect(eth1?.groupIds.length).toBe(1);
    expectPerInterface(back, "web", "db", eth1?.id);
  });

  it("says so when an instance's primary interface is in none of the files", () => {
    const eth1Only = {
      name: "eth1.json",
      text: JSON.stringify({ NetworkInterfaces: JSON.parse(enis.text).NetworkInterfaces.slice(0, 1) }, null, 2),
    };
    const { design, warnings } = importAwsCli([sgs, eth1Only]);
    const web = design.resources.find((r) => r.id === "i-0000000000000d001");
    expect(web?.groupIds).toEqual([]);
    expect(web?.interfaces?.map((i) => i.groupIds)).toEqual([["sg-0000000000000a002"]]);
    const warning = warnings.find((w) => w.message.includes("primary interface"));
    expect(warning).toMatchObject({ file: "eth1.json", line: 3 });
    expect(warning?.message).toContain("i-0000000000000d001");
  });

  it("warns at an interface whose DeviceIndex is not one AWS gives, and leaves it out", () => {
    const doc = JSON.parse(instances.text);
    doc.Reservations[0].Instances[0].NetworkInterfaces[1].Attachment.DeviceIndex = 40;
    const { design, warnings } = importAwsCli([sgs, { name: "i.json", text: JSON.stringify(doc, null, 2) }]);
    expect(design.resources.find((r) => r.name === "web")?.interfaces).toBeUndefined();
    const warning = warnings.find((w) => w.message.includes("DeviceIndex"));
    expect(warning?.path).toBe("Reservations[0].Instances[0].NetworkInterfaces[1].Attachment.DeviceIndex");
    expect(warning?.message).toContain("found 40");
  });
});

// The corpus's real files (read in place): their interfaces are single, or attached to no instance.
const CORPUS = join(__dirname, "../../../../../shared/corpus/awscli");
const corpus = (name: string) => ({ name, text: readFileSync(join(CORPUS, name), "utf8") });

describe.skipIf(!existsSync(CORPUS))("AWS CLI interfaces of the corpus", () => {
  it("cloudmapper's instances each have one interface, whose groups are the instance's", () => {
    const { design } = importAwsCli([corpus("cloudmapper-demo-describe-instances.json")]);
    const byName = Object.fromEntries(design.resources.map((r) => [r.name, r]));
    expect(byName.Bastion?.groupIds).toEqual(["sg-00000002"]);
    expect(byName.Bastion?.publicIpv4).toBe("1.2.3.4");
    expect(design.resources.every((r) => r.interfaces === undefined)).toBe(true);
  });

  it("an interface with a DeviceIndex but no instance (an ECS task's, a VPC endpoint's) stays a node of its own", () => {
    const ecs = importAwsCli([corpus("cloudmapper-demo-describe-network-interfaces.json")]).design;
    expect(ecs.resources.map((r) => [r.kind, r.service, r.privateIpv4])).toEqual([
      ["containerService", "ecsTask", "172.31.48.168"],
    ]);
    const used = importAwsCli([corpus("custodian-used-enis.json")]).design;
    const instance = used.resources.find((r) => r.kind === "instance");
    // The one interface attached to i-017cf4e2a33b853fe at DeviceIndex 0 is the instance itself.
    expect(instance).toMatchObject({
      id: "i-017cf4e2a33b853fe",
      groupIds: ["sg-f9cc4d9f"],
      privateIpv4: "172.31.26.53",
    });
    expect(instance?.interfaces).toBeUndefined();
    expect(used.resources.find((r) => r.kind === "endpoint")?.groupIds).toEqual([
      "sg-f9cc4d9f",
      "sg-0a2cb503a229c31c1",
    ]);
  });

  it("names a Lambda function's interface by the function its RequesterId names, not by the interface's id", () => {
    const used = importAwsCli([corpus("custodian-used-enis.json")]).design;
    const fn = used.resources.find((r) => r.kind === "function");
    expect(fn).toMatchObject({ name: "deploy-lambda", privateIpv4: "10.81.74.32", groupIds: ["sg-1c8a186c"] });
  });
});
