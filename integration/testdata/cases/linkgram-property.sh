# ip link property add|del altname, and looking links up by an alternative name.
ip link add v1 type veth peer name v2
ip link property add dev v1 altname first-alt altname second-alt
ip link show v1
ip link show first-alt
ip link show dev second-alt
ip -j link show first-alt
ip -br link show second-alt
ip link set first-alt mtu 1400
ip link show v1
ip link property add dev v1 altname first-alt
ip link property add dev v2 altname first-alt
ip link property add v2 altname aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ip link property del dev v1 altname second-alt
ip link show v1
ip link property del dev v1 altname second-alt
ip link property del dev first-alt altname first-alt
ip link show v1
ip link property add dev v2 a long-alternative-name-for-v2
ip link show long-alternative-name-for-v2
ip link set dev long-alternative-name-for-v2 up
ip -br link show v2
ip link del long-alternative-name-for-v2
ip link property
ip link property foo
ip link property add
ip link property add altname x
ip link property add dev nosuch altname x
ip link property add dev v1 dev v2
ip link property add dev v1 altname "a b"
ip link property add dev v1 altname
ip link property del dev
ip link property help
ip link prop add dev lo altname loopback
ip link show loopback
