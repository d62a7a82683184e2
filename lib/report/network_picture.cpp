#include "report/network_picture.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ztlint::report {

namespace {

std::string last_segment(const value::Value& name) {
  if (!name.is_string()) return "(unknown name)";
  const std::string& full = name.as_string();
  const auto slash = full.rfind('/');
  return slash == std::string::npos ? full : full.substr(slash + 1);
}

std::string join_prefixes(const graph::Resource& resource, std::string_view path) {
  const value::Value* prefixes = resource.body.find_path(path);
  if (!prefixes || !prefixes->is_list()) return {};
  std::string out;
  for (const value::Value& prefix : prefixes->as_list()) {
    if (!prefix.is_string()) continue;
    out += (out.empty() ? "" : ", ") + prefix.as_string();
  }
  return out;
}

std::string subnet_prefix(const graph::Resource& subnet) {
  if (const value::Value* single = subnet.body.find_path("properties.addressPrefix");
      single && single->is_string()) {
    return single->as_string();
  }
  return join_prefixes(subnet, "properties.addressPrefixes");
}

class Builder {
 public:
  Builder(const RunResult& run, const analysis::Analyses& analyses)
      : run_(run), graph_(run.estate.graph), analyses_(analyses) {
    for (const policy::Finding& finding : run.findings) {
      if (finding.suppressed) continue;
      auto index = graph_.find_address(finding.resource_address);
      if (!index) continue;
      violations_[graph_.canonical(*index)].insert(finding.rule_id);
    }
  }

  NetworkPicture build() {
    const analysis::Topology& topology = analyses_.topology;
    for (const analysis::VnetInfo& vnet : topology.vnets()) {
      const std::string role(analysis::to_string(vnet.role));
      const graph::Resource& resource = graph_.resource(vnet.index);
      const std::string space = join_prefixes(resource, "properties.addressSpace.addressPrefixes");
      const std::string vnet_id = node(vnet.index,
                                       resource.reference_only ? "external-vnet" : "vnet",
                                       fmt::format("{} ({}{}{})", last_segment(resource.name), role,
                                                   space.empty() ? "" : ", ", space));
      for (graph::ResourceIndex subnet : vnet.subnets) {
        const graph::Resource& subnet_resource = graph_.resource(subnet);
        const std::string prefix = subnet_prefix(subnet_resource);
        node(subnet, "subnet",
             last_segment(subnet_resource.name) + (prefix.empty() ? "" : " " + prefix), vnet_id);
        add_route(subnet);
      }
      for (graph::ResourceIndex appliance : vnet.appliances) {
        node(appliance, "firewall", last_segment(graph_.resource(appliance).name));
        edges_.push_back({ids_[vnet.index], ids_[appliance], "hosts", "", false});
      }
    }
    for (const analysis::PeeringInfo& peering : topology.peerings()) {
      if (!peering.local || !peering.remote) continue;
      const std::string from = ensure_vnet(*peering.local);
      const std::string to = ensure_vnet(*peering.remote);
      // A pair is drawn once, from the side declared first.
      const auto key = std::minmax(from, to);
      if (!drawn_peerings_.insert(key).second) continue;
      const bool violation = violations_.count(peering.index) > 0 ||
                             (peering.reverse && violations_.count(*peering.reverse) > 0);
      edges_.push_back({from, to, "peering",
                        peering.reverse ? "peering" : "peering (one-sided)", violation});
    }
    for (graph::ResourceIndex bastion : graph_.of_type("Microsoft.Network/bastionHosts")) {
      if (graph_.resource(bastion).reference_only) continue;
      const std::string id = node(bastion, "bastion", last_segment(graph_.resource(bastion).name));
      if (auto subnet = topology.subnet_of(bastion); subnet && ids_.count(*subnet)) {
        edges_.push_back({ids_[*subnet], id, "hosts", "", false});
      }
    }
    for (graph::ResourceIndex endpoint : graph_.of_type("Microsoft.Network/privateEndpoints")) {
      const graph::Resource& resource = graph_.resource(endpoint);
      if (resource.reference_only) continue;
      const std::string id = node(endpoint, "private-endpoint", last_segment(resource.name));
      if (auto subnet = topology.subnet_of(endpoint); subnet && ids_.count(*subnet)) {
        edges_.push_back({ids_[*subnet], id, "hosts", "", false});
      }
      if (const analysis::EndpointInfo* info = analyses_.private_access.endpoint(endpoint)) {
        for (graph::ResourceIndex target : info->targets) {
          const std::string target_id = node(target, "paas", last_segment(graph_.resource(target).name));
          edges_.push_back({id, target_id, "private-link", "private link", false});
        }
      }
    }
    return NetworkPicture{std::move(nodes_), std::move(edges_)};
  }

 private:
  std::string node(graph::ResourceIndex index, std::string kind, std::string label,
                   std::string parent = {}) {
    index = graph_.canonical(index);
    if (auto it = ids_.find(index); it != ids_.end()) return it->second;
    const std::string id = fmt::format("n{}", index);
    ids_[index] = id;
    PictureNode picture_node{id, std::move(kind), std::move(label), std::move(parent),
                             graph_.resource(index).address, {}};
    if (auto it = violations_.find(index); it != violations_.end()) {
      picture_node.violations.assign(it->second.begin(), it->second.end());
    }
    nodes_.push_back(std::move(picture_node));
    return id;
  }

  std::string ensure_vnet(graph::ResourceIndex index) {
    const graph::Resource& resource = graph_.resource(index);
    return node(index, resource.reference_only ? "external-vnet" : "vnet", last_segment(resource.name));
  }

  void add_route(graph::ResourceIndex subnet) {
    const analysis::SubnetRouting* routing = analyses_.routing.subnet(subnet);
    if (!routing || !routing->appliance) {
      if (routing && routing->next_hop == analysis::NextHop::kOtherType) {
        const std::string internet = internet_node();
        edges_.push_back({ids_[subnet], internet, "default-route",
                          "0.0.0.0/0 via " + routing->next_hop_type, true});
      }
      return;
    }
    const std::string appliance =
        node(*routing->appliance, "firewall", last_segment(graph_.resource(*routing->appliance).name));
    edges_.push_back({ids_[subnet], appliance, "default-route",
                      "0.0.0.0/0" + (routing->next_hop_ip.empty() ? "" : " → " + routing->next_hop_ip),
                      false});
  }

  std::string internet_node() {
    if (internet_.empty()) {
      internet_ = "internet";
      nodes_.push_back({internet_, "internet", "Internet", "", "", {}});
    }
    return internet_;
  }

  const RunResult& run_;
  const graph::ResourceGraph& graph_;
  const analysis::Analyses& analyses_;
  std::map<graph::ResourceIndex, std::set<std::string>> violations_;
  std::map<graph::ResourceIndex, std::string> ids_;
  std::set<std::pair<std::string, std::string>> drawn_peerings_;
  std::vector<PictureNode> nodes_;
  std::vector<PictureEdge> edges_;
  std::string internet_;
};

std::string join_rules(const std::vector<std::string>& rules) {
  std::string out;
  for (const std::string& rule : rules) out += (out.empty() ? "" : ", ") + rule;
  return out;
}

std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Mermaid labels go in double quotes; quotes and brackets become entities.
std::string mermaid_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string decorated_label(const PictureNode& node) {
  if (node.violations.empty()) return node.label;
  return node.label + " ⚠ " + join_rules(node.violations);
}

}  // namespace

NetworkPicture build_picture(const RunResult& run, const analysis::Analyses& analyses) {
  return Builder(run, analyses).build();
}

std::string render_picture_json(const NetworkPicture& picture) {
  auto nodes = nlohmann::json::array();
  for (const PictureNode& node : picture.nodes) {
    nodes.push_back({{"id", node.id},
                     {"kind", node.kind},
                     {"label", node.label},
                     {"parent", node.parent},
                     {"resource", node.address},
                     {"violations", node.violations}});
  }
  auto edges = nlohmann::json::array();
  for (const PictureEdge& edge : picture.edges) {
    edges.push_back({{"from", edge.from},
                     {"to", edge.to},
                     {"kind", edge.kind},
                     {"label", edge.label},
                     {"violation", edge.violation}});
  }
  return nlohmann::json{{"nodes", nodes}, {"edges", edges}}.dump(2) + "\n";
}

std::string render_picture_dot(const NetworkPicture& picture) {
  std::string out = "digraph ztlint {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  auto node_line = [](const PictureNode& node) {
    std::string style = node.kind == "firewall" ? "shape=hexagon" : node.kind == "internet" ? "shape=ellipse" : "";
    if (!node.violations.empty()) style += std::string(style.empty() ? "" : ", ") + "color=red, fontcolor=red";
    return fmt::format("\"{}\" [label=\"{}\"{}{}];", node.id, dot_escape(decorated_label(node)),
                       style.empty() ? "" : ", ", style);
  };
  for (const PictureNode& vnet : picture.nodes) {
    if (vnet.kind != "vnet" && vnet.kind != "external-vnet") continue;
    out += fmt::format("  subgraph \"cluster_{}\" {{\n    label=\"{}\";{}\n", vnet.id,
                       dot_escape(decorated_label(vnet)), vnet.violations.empty() ? "" : " color=red;");
    out += "    " + node_line(vnet) + "\n";
    for (const PictureNode& child : picture.nodes) {
      if (child.parent == vnet.id) out += "    " + node_line(child) + "\n";
    }
    out += "  }\n";
  }
  for (const PictureNode& node : picture.nodes) {
    if (node.kind == "vnet" || node.kind == "external-vnet" || !node.parent.empty()) continue;
    out += "  " + node_line(node) + "\n";
  }
  for (const PictureEdge& edge : picture.edges) {
    std::string style = edge.kind == "peering" ? "dir=both" : edge.kind == "hosts" ? "style=dotted" : "";
    if (edge.violation) style += std::string(style.empty() ? "" : ", ") + "color=red";
    out += fmt::format("  \"{}\" -> \"{}\" [label=\"{}\"{}{}];\n", edge.from, edge.to,
                       dot_escape(edge.label), style.empty() ? "" : ", ", style);
  }
  return out + "}\n";
}

std::string render_picture_mermaid(const NetworkPicture& picture) {
  std::string out = "```mermaid\nflowchart LR\n";
  std::vector<std::string> violating;
  auto node_line = [&](const PictureNode& node) {
    if (!node.violations.empty()) violating.push_back(node.id);
    const std::string label = mermaid_escape(decorated_label(node));
    if (node.kind == "firewall") return fmt::format("{}{{{{\"{}\"}}}}", node.id, label);
    if (node.kind == "internet") return fmt::format("{}((\"{}\"))", node.id, label);
    return fmt::format("{}[\"{}\"]", node.id, label);
  };
  for (const PictureNode& vnet : picture.nodes) {
    if (vnet.kind != "vnet" && vnet.kind != "external-vnet") continue;
    if (!vnet.violations.empty()) violating.push_back(vnet.id);
    out += fmt::format("  subgraph {}[\"{}\"]\n", vnet.id, mermaid_escape(decorated_label(vnet)));
    for (const PictureNode& child : picture.nodes) {
      if (child.parent == vnet.id) out += "    " + node_line(child) + "\n";
    }
    out += "  end\n";
  }
  for (const PictureNode& node : picture.nodes) {
    if (node.kind == "vnet" || node.kind == "external-vnet" || !node.parent.empty()) continue;
    out += "  " + node_line(node) + "\n";
  }
  std::size_t edge_index = 0;
  std::vector<std::size_t> red_edges;
  for (const PictureEdge& edge : picture.edges) {
    const std::string arrow = edge.kind == "peering" ? "<-->" : edge.kind == "hosts" ? "-.-" : "-->";
    if (edge.label.empty()) {
      out += fmt::format("  {} {} {}\n", edge.from, arrow, edge.to);
    } else {
      out += fmt::format("  {} {}|\"{}\"| {}\n", edge.from, arrow, mermaid_escape(edge.label), edge.to);
    }
    if (edge.violation) red_edges.push_back(edge_index);
    ++edge_index;
  }
  out += "  classDef violation fill:#fde2e2,stroke:#c0392b,stroke-width:2px,color:#c0392b\n";
  if (!violating.empty()) {
    std::string list;
    for (const std::string& id : violating) list += (list.empty() ? "" : ",") + id;
    out += "  class " + list + " violation\n";
  }
  for (std::size_t index : red_edges) {
    out += fmt::format("  linkStyle {} stroke:#c0392b,stroke-width:2px\n", index);
  }
  return out + "```\n";
}

}  // namespace ztlint::report
