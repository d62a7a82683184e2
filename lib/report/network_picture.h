// `ztlint graph`: the estate's network as a picture (JSON, Graphviz DOT, Mermaid).
#pragma once

#include <string>
#include <vector>

#include "analysis/analyses.h"
#include "report/run_result.h"

namespace ztlint::report {

// The picture's elements: VNets (with their role) holding subnets, peerings, each
// subnet's default route to its next hop, firewalls, Bastion hosts, private endpoints and
// the PaaS resources they serve. Elements with findings carry the rule IDs, so the
// renderings mark them.
struct PictureNode {
  std::string id;        // stable, safe for DOT and Mermaid ("n12")
  std::string kind;      // vnet, subnet, firewall, bastion, private-endpoint, paas, external-vnet
  std::string label;
  std::string parent;    // id of the VNet holding a subnet; empty otherwise
  std::string address;   // the resource's address
  std::vector<std::string> violations;  // rule IDs of unsuppressed findings on it
};

struct PictureEdge {
  std::string from;
  std::string to;
  std::string kind;   // peering, default-route, private-link, hosts
  std::string label;
  bool violation = false;  // the edge itself is a finding (a spoke-to-spoke peering)
};

struct NetworkPicture {
  std::vector<PictureNode> nodes;
  std::vector<PictureEdge> edges;
};

NetworkPicture build_picture(const RunResult& run, const analysis::Analyses& analyses);

std::string render_picture_json(const NetworkPicture& picture);
std::string render_picture_dot(const NetworkPicture& picture);
// A Mermaid flowchart, fenced as ```mermaid so GitHub renders it in markdown.
std::string render_picture_mermaid(const NetworkPicture& picture);

}  // namespace ztlint::report
